package dev.userkit.pages;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The local inbox page at {@value PagesSettings#INBOX_PATH}: the list of kept messages and one
 * message with its text and its link. The messages carry live codes, so only a loopback peer is
 * served: the connection's own peer address, never a forwarded header (which any client can
 * write); everyone else gets 403. The HTML part is not shown, so no mail markup runs in the page.
 */
final class InboxServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern NUMBER = Pattern.compile("/[1-9][0-9]{0,17}");

    private final transient InboxMailer inbox;
    private final transient PageView view;
    private final String pagesPath;

    InboxServlet(InboxMailer inbox, PageView view, String pagesPath) {
        this.inbox = inbox;
        this.view = view;
        this.pagesPath = pagesPath;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!loopback(request.getRemoteAddr())) {
            PageView.noStore(response);
            response.sendError(403, "The inbox answers only this machine");
            return;
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(405);
            return;
        }
        PageContext page = new PageContext(request, pagesPath);
        Map<String, Object> scope = page.scope();
        scope.put("inbox", request.getContextPath() + PagesSettings.INBOX_PATH);
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.isEmpty() || path.equals("/")) {
            scope.put("messages", inbox.messages().stream().map(InboxServlet::row).toList());
            view.render(response, 200, "inbox", scope);
        } else if (NUMBER.matcher(path).matches()) {
            InboxMailer.Delivered d = inbox.find(Long.parseLong(path.substring(1))).orElse(null);
            if (d == null) {
                response.sendError(404);
                return;
            }
            scope.putAll(row(d));
            scope.put("text", d.message().text());
            String link = d.message().link();
            // only web links become clickable: a link builder's other output stays text
            if (link != null && (link.startsWith("https://") || link.startsWith("http://"))) scope.put("link", link);
            view.render(response, 200, "inbox_message", scope);
        } else {
            response.sendError(404);
        }
    }

    private static Map<String, Object> row(InboxMailer.Delivered d) {
        Map<String, Object> row = new HashMap<>();
        row.put("number", d.number());
        row.put("at", d.at().toString());
        row.put("to", d.message().to());
        row.put("subject", d.message().subject());
        return row;
    }

    /** Whether a peer address is this machine's loopback; anything that is not an IP literal is not. */
    static boolean loopback(String peer) {
        if (peer == null) return false;
        String p = peer.startsWith("[") && peer.endsWith("]") ? peer.substring(1, peer.length() - 1) : peer;
        if (!IP_LITERAL.matcher(p).matches()) return false;
        try {
            // a literal: parsed, never looked up
            return InetAddress.getByName(p).isLoopbackAddress();
        } catch (UnknownHostException malformed) {
            return false;
        }
    }
}
