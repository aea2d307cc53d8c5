package org.onewindow.guide;

import java.util.List;

/**
 * Where a guide's content comes from. A <em>real source</em> is a published guide page
 * ({@link Source#url()}), a regulation with the article that prescribes the materials or conditions,
 * a published local list, or one of the real guides kept in {@code reference-guides.yaml}
 * ({@code referenceGuide}). Where the list is the district's own judgement the guide says so in
 * {@code districtJudgement}; that is honest, but it is not a real source.
 */
public record Provenance(List<Source> sources, String referenceGuide, String districtJudgement, String note) implements java.io.Serializable {

    public Provenance {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /**
     * One source: a page ({@code url}, {@code publisher}, {@code date}), a regulation and its
     * {@code article}, or a published {@code list}; {@code covers} says what of the guide it supports.
     */
    public record Source(String url, String publisher, String date, String regulation, String article, String list,
            String covers) implements java.io.Serializable {

        /** Names something a reader can find: a web page, a regulation's article, or a titled list. */
        public boolean real() {
            return (url != null && url.matches("https?://\\S+"))
                    || (regulation != null && regulation.contains("《") && article != null && !article.isBlank())
                    || (list != null && list.contains("《"));
        }
    }

    /** Whether any source is real (see the class comment). */
    public boolean hasRealSource() {
        return referenceGuide != null && !referenceGuide.isBlank() || sources.stream().anyMatch(Source::real);
    }

    /** The first web page cited, if any (shown on the kiosk and in the API). */
    public String firstUrl() {
        return sources.stream().map(Source::url).filter(u -> u != null && !u.isBlank()).findFirst().orElse(null);
    }
}
