package dev.userkit.mail.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on the loopback address in front of a real SMTP server that counts the connections
 * made through it, so a test sees how many SMTP connections the mailer opened and whether one is
 * still open, without looking inside the mailer. {@link #dropAll()} cuts the open ones, as a server
 * that times a client out does. With nothing listening behind it, it counts the attempts and closes each;
 * {@link #retarget} puts another server behind it.
 */
final class CountingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private volatile int target;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> open = new ArrayList<>();

    CountingProxy(int targetPort) {
        this.target = targetPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon(this::acceptUntilClosed, "counting-proxy");
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Sends the connections made from now on to another port (a server replaced behind the same address). */
    void retarget(int port) {
        target = port;
    }

    /** Connections accepted so far. */
    int connections() {
        return accepted.get();
    }

    /** Client connections not yet closed by either side. */
    int openConnections() {
        synchronized (open) {
            open.removeIf(Socket::isClosed);
            return open.size();
        }
    }

    /** Closes every open connection, both ways. */
    void dropAll() {
        synchronized (open) {
            for (Socket s : open) closeQuietly(s);
            open.clear();
        }
    }

    private void acceptUntilClosed() {
        try {
            while (!listener.isClosed()) {
                Socket client = listener.accept();
                accepted.incrementAndGet();
                Socket server;
                try {
                    server = new Socket(InetAddress.getLoopbackAddress(), target);
                } catch (IOException down) {
                    // The server behind is down: the client sees its connection closed, and it was counted.
                    closeQuietly(client);
                    continue;
                }
                synchronized (open) {
                    open.add(client);
                    open.add(server);
                }
                daemon(() -> pump(client, server), "counting-proxy-up");
                daemon(() -> pump(server, client), "counting-proxy-down");
            }
        } catch (IOException closed) {
            // close() ends the loop by closing the listener.
        }
    }

    /** Copies one direction until either side closes, then closes both: a half-open relay would hide a drop. */
    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // Either side went away.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void daemon(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Already gone.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        dropAll();
    }
}
