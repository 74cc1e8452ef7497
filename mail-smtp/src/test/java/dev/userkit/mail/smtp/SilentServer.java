package dev.userkit.mail.smtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP server on the loopback address that accepts connections and never says a word, like an
 * SMTP server that hangs: a client without a read timeout would wait forever for its greeting.
 */
final class SilentServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> accepted = new ArrayList<>();
    private final Thread acceptor;

    SilentServer() {
        try {
            socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::acceptUntilClosed, "silent-smtp-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void acceptUntilClosed() {
        try {
            while (!socket.isClosed()) {
                Socket s = socket.accept();
                synchronized (accepted) {
                    accepted.add(s);
                }
            }
        } catch (IOException closed) {
            // close() ends the loop by closing the server socket.
        }
    }

    @Override
    public void close() throws Exception {
        socket.close();
        synchronized (accepted) {
            for (Socket s : accepted) s.close();
        }
        acceptor.join(2_000);
    }
}
