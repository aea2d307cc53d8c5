package org.onewindow.guide;

import java.util.List;

/**
 * How people say it → what the guides call it: when a search contains any of {@code words}
 * (开饭店, 小吃店 …), the official {@code means} (餐饮服务, 食品经营许可 …) are searched as well.
 */
public record Synonym(List<String> words, List<String> means, String note) implements java.io.Serializable {

    public Synonym {
        words = words == null ? List.of() : List.copyOf(words);
        means = means == null ? List.of() : List.copyOf(means);
    }
}
