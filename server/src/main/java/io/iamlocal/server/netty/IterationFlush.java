package io.iamlocal.server.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayList;
import java.util.List;

/**
 * Flushes the responses an event loop wrote once per loop iteration, after it has read every
 * connection that was ready, instead of one flush per response.
 *
 * <p>Why: a client with many connections (an SDK's pool, a load generator) sleeps while it waits
 * for answers, and each response sent on its own wakes it again: on a virtual machine that wake-up
 * is an inter-processor interrupt and cost more kernel time than the request itself. Sent back to
 * back, a batch of responses wakes it once. A lone request is flushed as soon as its iteration
 * ends, so no answer waits for another.
 */
final class IterationFlush {
  private static final FastThreadLocal<Pending> PENDING =
      new FastThreadLocal<>() {
        @Override
        protected Pending initialValue() {
          return new Pending();
        }
      };

  private IterationFlush() {}

  /**
   * Flushes {@code ctx} at the end of the current iteration of its event loop, or now when called
   * from another thread.
   */
  static void flushSoon(ChannelHandlerContext ctx) {
    if (!ctx.executor().inEventLoop()) {
      ctx.flush();
      return;
    }
    Pending pending = PENDING.get();
    if (pending.contexts.isEmpty()) {
      // A task added from the loop itself wakes nothing: it runs after the ready connections.
      pending.loop = ctx.executor();
      pending.loop.execute(pending);
    } else if (pending.loop != ctx.executor()) {
      // One thread driving several loops (tests' embedded channels): no batching across them.
      ctx.flush();
      return;
    }
    pending.contexts.add(ctx);
  }

  /** The contexts written to in this iteration of one event loop; only that loop touches it. */
  private static final class Pending implements Runnable {
    private final List<ChannelHandlerContext> contexts = new ArrayList<>();
    private EventExecutor loop;

    @Override
    public void run() {
      // A flush may complete a listener that writes again: the loop reaches what it adds.
      for (int i = 0; i < contexts.size(); i++) {
        contexts.get(i).flush();
      }
      contexts.clear();
    }
  }
}
