package org.onewindow.guide;

/** 设定依据 / 实施依据: a law or regulation, the article, and (where captured) its text. */
public record LegalBasis(String law, String article, String text) implements java.io.Serializable {

    /** The citation as printed on notices, e.g. 《食品安全法》第三十五条. */
    public String citation() {
        return article == null || article.isBlank() ? law : law + article;
    }
}
