package org.onewindow.guide;

/**
 * One thing wrong with the knowledge base, precise enough to fix without a debugger.
 *
 * @param file  path relative to the knowledge-base folder
 * @param field dotted path of the offending field, e.g. {@code materials[2].material}
 * @param line  1-based line in the file, or 0 when the YAML parser could not tell
 */
public record KbProblem(String file, String field, int line, String reason) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + " [" + field + "] " + reason;
    }
}
