package org.onewindow.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.KnowledgeBaseLoader;

/**
 * No policy choice is left in Java: the code that decides and orchestrates an intake names no
 * window, department, material, matter or life event — those are data, and which one applies is
 * written in the rules. (Looks at every string literal of the decision, intake, interview and
 * scenario packages.)
 */
class PolicyInDataTest {

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final List<String> PACKAGES = List.of("decision", "intake", "interview", "scenario");

    @Test
    void theIntakeCodeNamesNoWindowDepartmentMaterialOrMatter() throws IOException {
        Catalogue catalogue = new KnowledgeBaseLoader().load(Path.of("knowledge-base"));
        Set<String> codes = new HashSet<>();
        catalogue.windows().forEach(w -> codes.add(w.code()));
        catalogue.departments().forEach(d -> codes.add(d.code()));
        catalogue.materials().forEach(m -> codes.add(m.code()));
        catalogue.matters().forEach(m -> codes.add(m.code()));
        catalogue.events().forEach(e -> codes.add(e.code()));

        List<String> found = new ArrayList<>();
        for (String pkg : PACKAGES) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/onewindow", pkg))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).strip();
                        if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                            continue;
                        }
                        Matcher m = LITERAL.matcher(line);
                        while (m.find()) {
                            if (codes.contains(m.group(1))) {
                                found.add(file + ":" + (i + 1) + " names \"" + m.group(1) + "\"");
                            }
                        }
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), "policy in Java:\n" + String.join("\n", found));
    }
}
