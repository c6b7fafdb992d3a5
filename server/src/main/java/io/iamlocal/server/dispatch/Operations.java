package io.iamlocal.server.dispatch;

/** A group of related operation handlers (one resource family) that registers itself. */
public interface Operations {
  void register(OperationRegistry registry);
}
