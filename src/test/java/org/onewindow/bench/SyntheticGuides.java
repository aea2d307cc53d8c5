package org.onewindow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.onewindow.guide.Catalogue;
import org.onewindow.guide.Matter;
import org.onewindow.guide.MatterMaterial;
import org.onewindow.search.SearchEntry;

/**
 * Generates search entries at province scale for benchmarks: names, aliases and bodies are
 * recombined from the real vocabulary of the shipped guides (so the analysers see realistic
 * Chinese), deterministic for a seed.
 */
public final class SyntheticGuides {

    private static final String[] PLACES = {"城关", "东城", "西城", "南门", "北关", "新区", "开发区", "高新区", "滨江", "河东"};
    private static final String[] VARIANTS = {"（新办）", "（变更）", "（延续）", "（注销）", "（补发）", "（备案）", ""};

    private SyntheticGuides() {
    }

    public static List<SearchEntry> generate(Catalogue catalogue, int count, long seed) {
        Random random = new Random(seed);
        List<Matter> real = List.copyOf(catalogue.matters());
        List<String> materialNames = catalogue.materials().stream().map(m -> m.name()).toList();
        List<SearchEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Matter base = real.get(random.nextInt(real.size()));
            String place = PLACES[random.nextInt(PLACES.length)];
            String name = place + base.name().replaceAll("（.*?）", "") + VARIANTS[random.nextInt(VARIANTS.length)] + i;
            StringBuilder body = new StringBuilder(base.conditions() == null ? "" : base.conditions());
            for (MatterMaterial row : base.materials()) {
                body.append('。').append(row.title() == null ? "" : row.title());
            }
            for (int k = 0; k < 4; k++) {
                body.append('。').append(materialNames.get(random.nextInt(materialNames.size())));
            }
            entries.add(new SearchEntry(SearchEntry.MATTER, "synthetic-" + i, name, base.nameEn(), base.aliases(),
                    base.department(), null, "window-" + random.nextInt(6), body.toString()));
        }
        return entries;
    }
}
