package org.onewindow.decision;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The files of a rule set, by path relative to the rules folder ({@code window-routing.dmn},
 * {@code materials/scjg.dmn}): every {@code *.dmn} and {@code *.drl} at any depth and the
 * manifest, but not the scenarios, which test the rules rather than being part of them. A rule
 * set is compiled from these bytes, hashed from them, and stored with them, so a decision can be
 * replayed against exactly the files that made it.
 */
public final class RuleFiles {

    public static final String MANIFEST = "ruleset.yaml";
    /** A DMN file larger than this is refused before parsing (the largest shipped file is ~0.2 MB). */
    public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
    private static final String SCENARIOS = "scenarios";

    private RuleFiles() {
    }

    /** Whether a path (relative, with '/') names a rule file. */
    public static boolean isRuleFile(String path) {
        return !path.startsWith(SCENARIOS + "/")
                && (path.endsWith(".dmn") || path.endsWith(".drl") || path.equals(MANIFEST));
    }

    /** Reads the rule files of a folder, sorted by path. */
    public static Map<String, byte[]> read(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String path = dir.relativize(file).toString().replace('\\', '/');
                if (isRuleFile(path)) {
                    files.put(path, Files.readAllBytes(file));
                }
            }
        }
        return new LinkedHashMap<>(files);
    }

    /** Writes rule files into a folder (creating sub-folders), e.g. to export a version for git. */
    public static void write(Map<String, byte[]> files, Path dir) throws IOException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey()).normalize();
            if (!target.startsWith(dir.normalize())) {
                throw new IOException("rule file path leaves the folder: " + f.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.write(target, f.getValue());
        }
    }

    /**
     * Parses an XML rule file the safe way — no DTD, no external entities, no XInclude, a size
     * limit — so a hostile file can neither read the server's files nor expand itself into
     * gigabytes (billion laughs). The problem names the line and never quotes other content.
     *
     * @return the problem, or null when the file is well-formed
     */
    public static RuleProblem checkXml(String path, byte[] bytes) {
        return checkXml(path, bytes, new DefaultHandler());
    }

    /** As {@link #checkXml(String, byte[])}, with a handler that sees the document as it is parsed. */
    static RuleProblem checkXml(String path, byte[] bytes, DefaultHandler handler) {
        if (bytes.length > MAX_FILE_BYTES) {
            return new RuleProblem(path, 0, "file is larger than " + (MAX_FILE_BYTES / 1024 / 1024) + " MB");
        }
        try {
            safeParser().newSAXParser().parse(new ByteArrayInputStream(bytes), handler);
            return null;
        } catch (SAXParseException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "DOCTYPE declarations (DTDs, entities) are not allowed in rule files"
                    : "malformed XML (column " + e.getColumnNumber() + "): " + withoutQuotes(e.getMessage());
            return new RuleProblem(path, Math.max(e.getLineNumber(), 0), reason);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            return new RuleProblem(path, 0, "cannot parse as XML");
        }
    }

    /**
     * The parser's message with whatever it quotes from the document (element names, entity names,
     * text) taken out: a refusal says where and what kind of fault, never what the file contains.
     */
    static String withoutQuotes(String message) {
        if (message == null) {
            return "not well-formed";
        }
        return message.replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("'[^']*'", "'…'");
    }

    /** A namespace-aware DOM parser with the same protections as {@link #checkXml}, for editing rule files. */
    public static javax.xml.parsers.DocumentBuilder safeDom() {
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SAXParserFactory safeParser() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory;
    }

    /** The DMN files among rule files. */
    public static List<String> dmn(Map<String, byte[]> files) {
        return files.keySet().stream().filter(p -> p.endsWith(".dmn")).toList();
    }
}
