package dev.userkit.pages;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the pages live and what they show.
 *
 * @param path where the pages are mounted (default {@value #DEFAULT_PATH}); the admin pages are under {@code path + "/admin"}
 * @param inbox the local inbox whose page is mounted at {@value #INBOX_PATH}, or null for none (mail goes through SMTP)
 * @param pageSize how many rows a listing shows (default 50)
 */
public record PagesSettings(String path, InboxMailer inbox, int pageSize) {
    /** The default {@link #path()}. */
    public static final String DEFAULT_PATH = "/pages";
    /** Where the inbox page is mounted. */
    public static final String INBOX_PATH = "/inbox";
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    /**
     * Checks every value.
     *
     * @param path see {@link #path()}
     * @param inbox see {@link #inbox()}
     * @param pageSize see {@link #pageSize()}
     * @throws IllegalArgumentException naming the setting that is malformed
     */
    public PagesSettings {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("path must be a plain absolute path without a trailing '/': " + path);
        }
        if (path.equals(INBOX_PATH)) throw new IllegalArgumentException("path must differ from the inbox's " + INBOX_PATH);
        if (pageSize < 1 || pageSize > 1_000) throw new IllegalArgumentException("pageSize must be 1 to 1000: " + pageSize);
    }

    /**
     * The defaults, with no inbox.
     *
     * @return the settings
     */
    public static PagesSettings defaults() {
        return new PagesSettings(DEFAULT_PATH, null, 50);
    }

    /**
     * These settings with a local inbox.
     *
     * @param v the inbox the kit's mailer delivers to
     * @return new settings
     */
    public PagesSettings withInbox(InboxMailer v) {
        return new PagesSettings(path, v, pageSize);
    }

    /**
     * These settings with the pages under another path.
     *
     * @param v the path
     * @return new settings
     */
    public PagesSettings withPath(String v) {
        return new PagesSettings(v, inbox, pageSize);
    }

    /**
     * The Ant-style patterns to put in {@code HttpSettings.publicPaths}: every page but the admin
     * ones, which need a permission on {@code path + "/admin/**"} (the admin role's {@code /**} has it),
     * and the inbox, which refuses every peer but loopback itself.
     *
     * @return the patterns
     */
    public List<String> publicPaths() {
        return List.of(path, path + "/*", path + "/account/**", INBOX_PATH, INBOX_PATH + "/**");
    }
}
