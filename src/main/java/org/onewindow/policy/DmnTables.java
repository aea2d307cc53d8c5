package org.onewindow.policy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.onewindow.decision.RuleFiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The decision tables of a DMN file as data — columns with their Chinese labels and English
 * descriptions, rows with their stable rule ids, entries and annotations — read with the safe
 * parser, and written back by replacing only the {@code <rule>} elements of one table, so the
 * rest of the file (types, descriptions, layout of other tables) stays as its author wrote it.
 * Works on any DMN version's namespace (the KIE editor saves DMN 1.6).
 */
public final class DmnTables {

    private static final Pattern QUESTION = Pattern.compile("\\s*Answers\\.([A-Za-z_][A-Za-z0-9_]*)\\s*");

    /** A column: an input (with its expression) or an output (with its name). */
    public record Column(String id, String name, String label, String description, String expression, String typeRef,
            String allowed, String question) {
    }

    /** A row as written: its rule id, input and output entries, and annotations by name. */
    public record Row(String id, List<String> inputs, List<String> outputs, Map<String, String> annotations) {
    }

    /** One decision table of a file. */
    public record Table(String decision, String decisionLabel, String tableId, String hitPolicy, List<Column> inputs,
            List<Column> outputs, List<String> annotations, List<Row> rows) {
    }

    private DmnTables() {
    }

    public static List<Table> read(byte[] xml) {
        Document doc = parse(xml);
        List<Table> tables = new ArrayList<>();
        for (Element decision : children(doc.getDocumentElement(), "decision")) {
            for (Element table : children(decision, "decisionTable")) {
                tables.add(table(decision, table));
            }
        }
        return tables;
    }

    public static java.util.Optional<Table> read(byte[] xml, String decision) {
        return read(xml).stream().filter(t -> t.decision().equals(decision)).findFirst();
    }

    /**
     * The file with the rows of one decision's table replaced by {@code rows} (in this order).
     *
     * @throws IllegalArgumentException when the decision has no table, or a row has the wrong number of cells
     */
    public static byte[] write(byte[] xml, String decision, List<Row> rows) {
        Document doc = parse(xml);
        Element table = null;
        for (Element d : children(doc.getDocumentElement(), "decision")) {
            if (decision.equals(d.getAttribute("name"))) {
                table = children(d, "decisionTable").stream().findFirst().orElse(null);
            }
        }
        if (table == null) {
            throw new IllegalArgumentException("no decision table named '" + decision + "'");
        }
        String ns = table.getNamespaceURI();
        String prefix = table.getPrefix();
        int inputs = children(table, "input").size();
        int outputs = children(table, "output").size();
        List<String> annotations = children(table, "annotation").stream().map(a -> a.getAttribute("name")).toList();
        for (Element old : children(table, "rule")) {
            Node before = old.getPreviousSibling();
            table.removeChild(old);
            if (before != null && before.getNodeType() == Node.TEXT_NODE && before.getTextContent().isBlank()) {
                table.removeChild(before);
            }
        }
        for (Row row : rows) {
            if (row.inputs().size() != inputs || row.outputs().size() != outputs) {
                throw new IllegalArgumentException("row " + row.id() + " has " + row.inputs().size() + " inputs and "
                        + row.outputs().size() + " outputs; the table has " + inputs + " and " + outputs);
            }
            Element rule = element(doc, ns, prefix, "rule");
            rule.setAttribute("id", row.id());
            for (int i = 0; i < inputs; i++) {
                rule.appendChild(entry(doc, ns, prefix, "inputEntry", row.id() + "-i" + (i + 1), row.inputs().get(i)));
            }
            for (int o = 0; o < outputs; o++) {
                rule.appendChild(entry(doc, ns, prefix, "outputEntry", row.id() + "-o" + (o + 1), row.outputs().get(o)));
            }
            for (String a : annotations) {
                Element entry = element(doc, ns, prefix, "annotationEntry");
                Element text = element(doc, ns, prefix, "text");
                text.setTextContent(row.annotations().getOrDefault(a, ""));
                entry.appendChild(text);
                rule.appendChild(entry);
            }
            table.appendChild(doc.createTextNode("\n      "));
            table.appendChild(rule);
        }
        table.appendChild(doc.createTextNode("\n    "));
        return serialize(doc);
    }

    // --- reading ------------------------------------------------------------------------------

    private static Table table(Element decision, Element table) {
        List<Column> inputs = new ArrayList<>();
        for (Element in : children(table, "input")) {
            Element expr = children(in, "inputExpression").stream().findFirst().orElse(null);
            String text = expr == null ? null : text(expr);
            Matcher q = text == null ? null : QUESTION.matcher(text);
            inputs.add(new Column(in.getAttribute("id"), null, attr(in, "label", text), childText(in, "description"),
                    text, expr == null ? null : attr(expr, "typeRef", null), childText(in, "inputValues"),
                    q != null && q.matches() ? q.group(1) : null));
        }
        List<Column> outputs = new ArrayList<>();
        for (Element out : children(table, "output")) {
            outputs.add(new Column(out.getAttribute("id"), attr(out, "name", null),
                    attr(out, "label", attr(out, "name", table.getAttribute("outputLabel"))), childText(out, "description"),
                    null, attr(out, "typeRef", null), childText(out, "outputValues"), null));
        }
        List<String> annotations = children(table, "annotation").stream().map(a -> a.getAttribute("name")).toList();
        List<Row> rows = new ArrayList<>();
        for (Element rule : children(table, "rule")) {
            List<String> in = children(rule, "inputEntry").stream().map(DmnTables::text).toList();
            List<String> out = children(rule, "outputEntry").stream().map(DmnTables::text).toList();
            List<Element> notes = children(rule, "annotationEntry");
            Map<String, String> byName = new LinkedHashMap<>();
            for (int i = 0; i < annotations.size(); i++) {
                byName.put(annotations.get(i), i < notes.size() ? text(notes.get(i)) : "");
            }
            rows.add(new Row(rule.getAttribute("id"), in, out, byName));
        }
        return new Table(decision.getAttribute("name"), attr(decision, "label", decision.getAttribute("name")),
                table.getAttribute("id"), attr(table, "hitPolicy", "UNIQUE"), inputs, outputs, annotations, rows);
    }

    private static String text(Element e) {
        return children(e, "text").stream().findFirst().map(t -> t.getTextContent().strip()).orElse("");
    }

    private static String childText(Element e, String child) {
        return children(e, child).stream().findFirst().map(c -> {
            List<Element> text = children(c, "text");
            return (text.isEmpty() ? c.getTextContent() : text.get(0).getTextContent()).strip();
        }).orElse(null);
    }

    private static String attr(Element e, String name, String fallback) {
        return e.hasAttribute(name) && !e.getAttribute(name).isBlank() ? e.getAttribute(name) : fallback;
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    // --- writing ------------------------------------------------------------------------------

    private static Element element(Document doc, String ns, String prefix, String name) {
        return doc.createElementNS(ns, prefix == null ? name : prefix + ":" + name);
    }

    private static Element entry(Document doc, String ns, String prefix, String kind, String id, String value) {
        Element entry = element(doc, ns, prefix, kind);
        entry.setAttribute("id", id);
        Element text = element(doc, ns, prefix, "text");
        text.setTextContent(value == null || value.isBlank() ? (kind.equals("inputEntry") ? "-" : "null") : value.strip());
        entry.appendChild(text);
        return entry;
    }

    private static Document parse(byte[] xml) {
        try {
            return RuleFiles.safeDom().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not a well-formed DMN file", e);
        }
    }

    private static byte[] serialize(Document doc) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = factory.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.STANDALONE, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write the DMN file", e);
        }
    }
}
