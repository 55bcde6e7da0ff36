package io.diffyne.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * A WebSocket client written on a plain socket, for the one thing the JDK's client cannot show: what the server
 * says while the client is still sending. The JDK client reports a failed write as an error (seen as 1006) even
 * when the server's close frame has already arrived; this one writes on its own thread and reads the close frame
 * (which the kernel hands over before the reset that follows it) on the caller's.
 */
public final class RawWebSocket implements AutoCloseable {

    /** Close code when the connection ended without a close frame. */
    public static final int NO_CLOSE_FRAME = 1006;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CHUNK = 32 * 1024;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects as a page of the application would (token, own Origin) and reads the greeting. */
    public static RawWebSocket connectAsPage(URI httpBase, String token) throws IOException {
        URI ws = TestSocket.wsUri(httpBase, "token=" + token);
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(ws.getHost(), ws.getPort()), 10_000);
        socket.setSoTimeout(10_000);
        RawWebSocket client = new RawWebSocket(socket);
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String request = "GET " + ws.getRawPath() + "?" + ws.getRawQuery() + " HTTP/1.1\r\n"
                + "Host: " + ws.getHost() + ":" + ws.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Origin: " + TestSocket.origin(httpBase) + "\r\n\r\n";
        client.out.write(request.getBytes(StandardCharsets.US_ASCII));
        client.out.flush();
        String head = client.readHead();
        assertTrue(head.startsWith("HTTP/1.1 101"), head);
        Frame greeting = client.readFrame();
        String text = new String(greeting.payload(), StandardCharsets.UTF_8);
        assertTrue(greeting.opcode() == 1 && text.startsWith("{\"event\":\"diffyne.connected\""), text);
        return client;
    }

    /**
     * Sends one text message of {@code length} bytes from a second thread, without waiting for it to finish, and
     * returns the close code of the server's close frame, or {@link #NO_CLOSE_FRAME}.
     */
    public int streamTextAndAwaitClose(long length, Duration timeout) throws IOException {
        Thread writer = new Thread(() -> writeFragmentedText(length), "raw-websocket-writer");
        writer.setDaemon(true);
        writer.start();
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            while (true) {
                Frame frame = readFrame();
                if (frame.opcode() == 8) {
                    return frame.payload().length >= 2
                            ? ((frame.payload()[0] & 0xff) << 8) | (frame.payload()[1] & 0xff) : 1005;
                }
            }
        } catch (IOException endedWithoutCloseFrame) { // EOF, reset or timeout
            return NO_CLOSE_FRAME;
        } finally {
            socket.close();
        }
    }

    /** One text message of {@code length} bytes in 32 KB fragments, as the JDK's client and most libraries send. */
    private void writeFragmentedText(long length) {
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        byte[] frame = new byte[8 + CHUNK];
        for (int i = 0; i < CHUNK; i++) {
            frame[8 + i] = (byte) ('x' ^ mask[i & 3]);
        }
        try {
            for (long sent = 0; sent < length; sent += CHUNK) {
                int size = (int) Math.min(CHUNK, length - sent);
                boolean last = sent + size >= length;
                frame[0] = (byte) ((last ? 0x80 : 0) | (sent == 0 ? 0x1 : 0x0)); // text, then continuations
                frame[1] = (byte) (0x80 | 126); // masked, 16-bit length
                frame[2] = (byte) (size >>> 8);
                frame[3] = (byte) size;
                System.arraycopy(mask, 0, frame, 4, 4);
                out.write(frame, 0, 8 + size); // every fragment starts the mask anew, so the masked bytes repeat
            }
            out.flush();
        } catch (IOException expected) {
            // the server closed while we were still sending: what it said is read on the other thread
        }
    }

    private record Frame(int opcode, byte[] payload) {
    }

    /** One server frame (servers never mask); a fragmented message is not expected here. */
    private Frame readFrame() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        if (length > 1 << 20) {
            throw new IOException("unexpected frame of " + length + " bytes");
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(first & 0x0f, payload);
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (head.size() < 16_384) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed during the handshake: " + head);
            }
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0d0a0d0a) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        throw new IOException("handshake response head over 16 KB");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
