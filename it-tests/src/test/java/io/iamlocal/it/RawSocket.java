package io.iamlocal.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A plain TCP connection speaking hand-written HTTP/1.x, for what no HTTP client would send. */
final class RawSocket implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  static RawSocket connect(URI endpoint) {
    try {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5_000);
      socket.setSoTimeout(15_000);
      socket.setTcpNoDelay(true);
      return new RawSocket(socket);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  RawSocket send(String ascii) {
    return send(ascii.getBytes(StandardCharsets.ISO_8859_1));
  }

  RawSocket send(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return this;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Shuts down this side's sending half, as {@code nc -N} does after its input. */
  RawSocket shutdownOutput() {
    try {
      socket.shutdownOutput();
      return this;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends and reports whether the peer had already closed the connection (the write failed). */
  boolean trySend(String ascii) {
    try {
      out.write(ascii.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads one response; {@code head} when it answers a HEAD request (headers only). */
  Response read(boolean head) {
    try {
      String statusLine = line();
      if (statusLine == null) {
        throw new IllegalStateException("connection closed before a response");
      }
      String[] parts = statusLine.split(" ", 3);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String h = line(); h != null && !h.isEmpty(); h = line()) {
        int colon = h.indexOf(':');
        headers.put(
            h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
      }
      int length = head ? 0 : Integer.parseInt(headers.getOrDefault("content-length", "0"));
      byte[] body = in.readNBytes(length);
      return new Response(
          parts[0], Integer.parseInt(parts[1]), headers, new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  Response read() {
    return read(false);
  }

  /**
   * Whether the server closes the connection (EOF or reset) within {@code within}, reading nothing
   * more.
   */
  boolean closedByPeer(Duration within) {
    try {
      socket.setSoTimeout((int) within.toMillis());
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true; // connection reset
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        byte[] bytes = buffer.toByteArray();
        int n =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
      }
      buffer.write(b);
    }
    return buffer.size() == 0 ? null : buffer.toString(StandardCharsets.ISO_8859_1);
  }

  /** Closes with a TCP reset instead of an orderly FIN, as a crashed client would. */
  void abort() {
    try {
      socket.setSoLinger(true, 0);
      socket.close();
    } catch (IOException e) {
      // already gone
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // already gone
    }
  }

  record Response(String version, int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }
}
