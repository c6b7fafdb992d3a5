package io.iamlocal.bench;

import io.iamlocal.sigv4.RequestSigner;
import io.iamlocal.sigv4.SignableRequest;
import io.iamlocal.sigv4.SigningCredential;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One precomputed, SigV4-signed AWS Query request: {method, path, headers, body}. Signatures stay
 * valid for 15 minutes and AWS has no replay protection, so replaying these is what clients do.
 */
record WireRequest(String method, String path, Map<String, String> headers, String body) {
  static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

  /** Signs {@code POST /} with a form body for {@code service} ("iam" or "sts"). */
  static WireRequest sign(int port, String service, SigningCredential credential, Map<String, String> params,
      Instant time) {
    String body = form(params);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Host", List.of("127.0.0.1:" + port));
    headers.put("Content-Type", List.of(FORM));
    SignableRequest unsigned = SignableRequest.of("POST", "/", headers, body.getBytes(StandardCharsets.UTF_8));
    SignableRequest signed = new RequestSigner(credential, "us-east-1", service).sign(unsigned, time).request();
    Map<String, String> out = new LinkedHashMap<>();
    signed.headers().forEach((k, v) -> out.put(k, v.get(0)));
    return new WireRequest("POST", "/", out, body);
  }

  static String form(Map<String, String> params) {
    StringBuilder b = new StringBuilder();
    params.forEach((k, v) -> {
      if (b.length() > 0) {
        b.append('&');
      }
      b.append(enc(k)).append('=').append(enc(v));
    });
    return b.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** One line of the wrk data file: method, path, body, then header name/value pairs, tab-separated. */
  void writeLine(Writer out) throws IOException {
    check(method);
    check(path);
    check(body);
    out.write(method);
    out.write('\t');
    out.write(path);
    out.write('\t');
    out.write(body);
    for (Map.Entry<String, String> h : headers.entrySet()) {
      check(h.getKey());
      check(h.getValue());
      out.write('\t');
      out.write(h.getKey());
      out.write('\t');
      out.write(h.getValue());
    }
    out.write('\n');
  }

  private static void check(String s) {
    if (s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("tab or newline in request field: " + s);
    }
  }

  /** Sends the request once over a fresh connection: {status, body}, to check a scenario before loading it. */
  String[] send(int port) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      byte[] payload = body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("Content-Length: ").append(payload.length).append("\r\nConnection: close\r\n\r\n");
      OutputStream out = s.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      out.write(payload);
      out.flush();
      InputStream in = s.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int sp = response.indexOf(' ');
      String status = sp < 0 ? "?" : response.substring(sp + 1, Math.min(response.length(), sp + 4));
      int bodyStart = response.indexOf("\r\n\r\n");
      return new String[] {status, bodyStart < 0 ? response : response.substring(bodyStart + 4)};
    }
  }
}
