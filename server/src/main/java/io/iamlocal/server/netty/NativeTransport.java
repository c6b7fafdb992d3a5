package io.iamlocal.server.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * Netty's native epoll transport on Linux (x86_64 and aarch64, shipped in the jar), the JDK's NIO
 * elsewhere or when the native library cannot load. Epoll writes a response from the pooled
 * buffer's address with one system call and skips the selector's key sets: less CPU per request
 * (bench/results/README.md). {@code -Diamlocal.transport=nio} forces NIO.
 */
public enum NativeTransport {
  EPOLL,
  NIO;

  /** The transport this JVM uses. */
  public static NativeTransport chosen() {
    return Chosen.TRANSPORT;
  }

  /**
   * Chosen once per JVM, when first asked: loading the native library and Netty's platform probes
   * take ~30 ms of CPU at start, which the command line spends on a thread of its own.
   */
  private static final class Chosen {
    static final NativeTransport TRANSPORT =
        !"nio".equals(System.getProperty("iamlocal.transport")) && Epoll.isAvailable()
            ? EPOLL
            : NIO;
  }

  /** An event-loop group of {@code threads} threads (0: Netty's default). */
  public EventLoopGroup group(int threads) {
    return this == EPOLL ? new EpollEventLoopGroup(threads) : new NioEventLoopGroup(threads);
  }

  /** The server channel class to accept connections with. */
  public Class<? extends ServerChannel> serverChannel() {
    return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }
}
