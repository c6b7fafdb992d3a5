package io.iamlocal.server.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * What a connection's requests share, found with one channel attribute per request: the client's
 * address, whether it came over TLS (a walk of the pipeline per request before), and its last Host
 * and User-Agent values.
 *
 * <p>The same strings are handed to every request of the connection: the trail keeps its last
 * events, and a new copy per request was one more string for each young collection to copy.
 */
final class ConnectionFacts {
  private static final AttributeKey<ConnectionFacts> KEY =
      AttributeKey.valueOf("iamlocal.connectionFacts");

  final String remoteIp;
  final boolean secure;
  private String host = "";
  private String userAgent = "";

  private ConnectionFacts(String remoteIp, boolean secure) {
    this.remoteIp = remoteIp;
    this.secure = secure;
  }

  /**
   * The facts of the request's connection, gathered at its first request (by then an optional TLS
   * handler has settled on TLS or plain text).
   */
  static ConnectionFacts of(ChannelHandlerContext ctx) {
    ConnectionFacts facts = ctx.channel().attr(KEY).get();
    if (facts == null) {
      SocketAddress remote = ctx.channel().remoteAddress();
      String ip =
          remote instanceof InetSocketAddress inet
              ? inet.getAddress().getHostAddress()
              : "127.0.0.1";
      facts = new ConnectionFacts(ip, ctx.pipeline().get(SslHandler.class) != null);
      ctx.channel().attr(KEY).set(facts);
    }
    return facts;
  }

  /** {@code value}, or the equal instance the connection sent last for this header. */
  String same(String lowerCaseName, String value) {
    if (lowerCaseName.equals("host")) {
      return value.equals(host) ? host : (host = value);
    }
    if (lowerCaseName.equals("user-agent")) {
      return value.equals(userAgent) ? userAgent : (userAgent = value);
    }
    return value;
  }
}
