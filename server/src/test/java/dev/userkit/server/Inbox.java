package dev.userkit.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The local inbox page of one server, read over HTTP as a person reads it (loopback only). */
final class Inbox {
    private static final Pattern MESSAGE = Pattern.compile("href=\"/inbox/(\\d+)\"");
    private static final Pattern LINK = Pattern.compile("id=\"mail-link\" href=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&\"]+)");

    private Inbox() {}

    /** The list page's text (addresses, subjects). */
    static String list(String baseUrl) throws IOException, InterruptedException {
        return Http.get(baseUrl + "/inbox", null).body();
    }

    /** The numbers of the messages listed, newest first. */
    static List<Long> numbers(String baseUrl) throws IOException, InterruptedException {
        List<Long> numbers = new ArrayList<>();
        Matcher m = MESSAGE.matcher(list(baseUrl));
        while (m.find()) numbers.add(Long.parseLong(m.group(1)));
        return numbers;
    }

    /** The link of one message. */
    static String link(String baseUrl, long number) throws IOException, InterruptedException {
        String page = Http.get(baseUrl + "/inbox/" + number, null).body();
        Matcher m = LINK.matcher(page);
        if (!m.find()) throw new AssertionError("no link in message " + number + ":\n" + page);
        return unescape(m.group(1));
    }

    /** The attribute's text: mustache writes {@code =} as {@code &#61;}, {@code &} as {@code &amp;}. */
    private static String unescape(String html) {
        Matcher m = Pattern.compile("&#(\\d+);|&amp;").matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) == null ? "&" : Character.toString(Integer.parseInt(m.group(1)))));
        }
        return m.appendTail(out).toString();
    }

    /** The code a link carries, URL-decoded. */
    static String code(String link) {
        Matcher m = CODE.matcher(link);
        if (!m.find()) throw new AssertionError("no code in " + link);
        return java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** How many times {@code address} appears among the listed recipients. */
    static int count(String listPage, String address) {
        return listPage.split(Pattern.quote(address), -1).length - 1;
    }
}
