package io.palisade.benchmarks.endtoend;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client over one kept-alive socket: writes a request prepared once, reads the
 * status line, the headers and a body of known length or in chunks. Far cheaper per request than
 * {@code java.net.http}, so that the load generator is not what limits a run. Not thread-safe: one
 * per load thread.
 */
final class RawHttpClient implements AutoCloseable {

    private final InetSocketAddress address;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] line = new byte[8192];

    RawHttpClient(int port) {
        this.address = new InetSocketAddress("127.0.0.1", port);
    }

    /** A request as bytes: method, path, the headers given (name, value, ...), a body when not null. */
    static byte[] request(String method, String path, String body, String contentType, String... headers) {
        StringBuilder text = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            text.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        if (content != null) {
            text.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(content.length)
                    .append("\r\n");
        }
        text.append("\r\n");
        byte[] head = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (content == null) {
            return head;
        }
        byte[] all = new byte[head.length + content.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        return all;
    }

    /** Sends {@code request} and returns the status; {@code body}, when not null, receives the response body. */
    int send(byte[] request, ByteArrayOutputStream body) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 5_000);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }
        try {
            out.write(request);
            out.flush();
            return read(body);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private int read(ByteArrayOutputStream body) throws IOException {
        String status = readLine();
        if (status == null || !status.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP response: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = readLine(); header != null && !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(readLine().trim(), 16); size > 0; size = Long.parseLong(readLine().trim(), 16)) {
                copy(size, body);
                readLine();
            }
            readLine();
        } else if (length > 0) {
            copy(length, body);
        }
        if (close) {
            close();
        }
        return code;
    }

    private void copy(long length, ByteArrayOutputStream body) throws IOException {
        long left = length;
        while (left > 0) {
            int n = in.read(line, 0, (int) Math.min(line.length, left));
            if (n < 0) {
                throw new IOException("connection closed in a body");
            }
            if (body != null) {
                body.write(line, 0, n);
            }
            left -= n;
        }
    }

    private String readLine() throws IOException {
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return length == 0 ? null : new String(line, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return new String(line, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (length < line.length) {
                line[length++] = (byte) b;
            }
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
