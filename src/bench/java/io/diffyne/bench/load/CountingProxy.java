package io.diffyne.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP relay that counts the bytes each way, so "bytes on the wire" are exactly what crossed the socket
 * (HTTP headers, WebSocket frame headers and masks included). Counted before forwarding: once the client holds an
 * answer, its bytes are already counted. Used only for the bytes figures, never for timings.
 */
final class CountingProxy implements AutoCloseable {

    final AtomicLong up = new AtomicLong();
    final AtomicLong down = new AtomicLong();
    private final ServerSocket server;
    private final int targetPort;

    CountingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread accept = new Thread(this::accept, "proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                java.net.Socket client = server.accept();
                java.net.Socket target = new java.net.Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                pump(client.getInputStream(), target.getOutputStream(), up, client, target);
                pump(target.getInputStream(), client.getOutputStream(), down, client, target);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(InputStream in, OutputStream out, AtomicLong counter, java.net.Socket a,
                             java.net.Socket b) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[65536];
            try (a; b) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    counter.addAndGet(n);
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side closed: the relay ends
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
