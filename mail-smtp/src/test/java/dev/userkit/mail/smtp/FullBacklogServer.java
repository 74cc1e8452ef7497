package dev.userkit.mail.smtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port where a TCP connect hangs, as it does to a host that drops packets: a listener
 * that never accepts, whose accept queue is filled first. The kernel then drops further SYNs, so a
 * client without a connect timeout would wait for the system's own (minutes).
 */
final class FullBacklogServer implements AutoCloseable {
    private static final int PROBE_TIMEOUT_MS = 200;
    private static final int MAX_FILLERS = 64;

    private final ServerSocket listener;
    private final List<Socket> fillers = new ArrayList<>();

    FullBacklogServer() {
        try {
            listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Connects until a connect times out: from then on the queue is full. */
    private void fill() throws IOException {
        while (fillers.size() < MAX_FILLERS) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), PROBE_TIMEOUT_MS);
                fillers.add(s);
            } catch (SocketTimeoutException full) {
                s.close();
                return;
            }
        }
        throw new IllegalStateException("the accept queue never filled after " + MAX_FILLERS + " connections");
    }

    @Override
    public void close() throws IOException {
        for (Socket s : fillers) s.close();
        listener.close();
    }
}
