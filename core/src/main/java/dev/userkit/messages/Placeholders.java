package dev.userkit.messages;

import java.util.Map;

/**
 * Fills the named placeholders of a bundle text, such as {@code {username}} in
 * {@code Hello {username},}. Values go in raw: the template that shows the text escapes it for HTML,
 * or not for the plain-text part. A brace that names no known value stays as it is, so a
 * translator's literal brace needs no quoting (unlike {@link java.text.MessageFormat}'s apostrophes).
 */
final class Placeholders {
    private Placeholders() {}

    static String fill(String text, Map<String, String> values) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            int close = open < 0 ? -1 : text.indexOf('}', open);
            if (close < 0) break;
            String value = values.get(text.substring(open + 1, close));
            out.append(text, i, open).append(value != null ? value : text.substring(open, close + 1));
            i = close + 1;
        }
        return out.append(text, i, text.length()).toString();
    }
}
