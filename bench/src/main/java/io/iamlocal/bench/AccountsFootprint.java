package io.iamlocal.bench;

import io.iamlocal.protocol.query.QueryInputDecoder;
import io.iamlocal.server.IamLocalServer;
import io.iamlocal.server.ServerConfig;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.state.Partition;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Heap cost of accounts (issue #19, part 5): {@code accounts} empty accounts, then {@code users}
 * IAM users in each (through the CreateUser handler, as root), then one access key per user
 * (CreateAccessKey, which also fills the key-ID index). Live heap after full collections, in one
 * JVM without a listening socket: {@code java -Xmx2g -jar iamlocal-bench.jar accounts [1000] [100]}.
 */
final class AccountsFootprint {
  private AccountsFootprint() {}

  static void run(int accounts, int users) throws Exception {
    IamLocalServer server = new IamLocalServer(ServerConfig.defaults());
    IamLocalState state = server.state();
    OperationRegistry registry = server.registry();
    state.account(); // the default account and the classes every account uses
    long base = liveHeap();
    long started = System.nanoTime();
    for (int a = 0; a < accounts; a++) {
      state.account(Partition.AWS, accountId(a));
    }
    long emptyNanos = System.nanoTime() - started;
    long afterAccounts = liveHeap();
    for (int a = 0; a < accounts; a++) {
      AccountState account = state.account(Partition.AWS, accountId(a));
      for (int u = 0; u < users; u++) {
        call(registry, account, "CreateUser", "UserName", "user-" + u);
      }
    }
    long afterUsers = liveHeap();
    for (int a = 0; a < accounts; a++) {
      AccountState account = state.account(Partition.AWS, accountId(a));
      for (int u = 0; u < users; u++) {
        call(registry, account, "CreateAccessKey", "UserName", "user-" + u);
      }
    }
    long afterKeys = liveHeap();
    String[] ids = new String[accounts];
    for (int a = 0; a < accounts; a++) {
      ids[a] = accountId(a);
    }
    int found = 0;
    long lookupNanos = 0;
    for (int round = 0; round < 200; round++) { // the first half warms up
      started = System.nanoTime();
      for (String id : ids) {
        found += state.accounts().find(Partition.AWS, id) != null ? 1 : 0;
      }
      lookupNanos = (System.nanoTime() - started) / accounts;
    }
    double[] load = {ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()};
    System.out.printf(Locale.ROOT, "accounts=%d users/account=%d (load average %.2f, %d lookups)%n", accounts, users, load[0], found);
    System.out.printf(Locale.ROOT, "empty account:            %,8d bytes (created in %,d ns each)%n",
        (afterAccounts - base) / accounts, emptyNanos / accounts);
    System.out.printf(Locale.ROOT, "user (CreateUser):        %,8d bytes%n", (afterUsers - afterAccounts) / ((long) accounts * users));
    System.out.printf(Locale.ROOT, "access key (+ key index): %,8d bytes%n", (afterKeys - afterUsers) / ((long) accounts * users));
    System.out.printf(Locale.ROOT, "whole fill:               %,8d KB live heap above an idle state%n", (afterKeys - base) / 1024);
    System.out.printf(Locale.ROOT, "account lookup:           %,8d ns (find by partition and ID)%n", lookupNanos);
  }

  private static String accountId(int i) {
    return String.format(Locale.ROOT, "%012d", 100_000_000_000L + i);
  }

  private static void call(OperationRegistry registry, AccountState account, String operation, String... pairs) {
    Map<String, String> params = new TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.put(pairs[i], pairs[i + 1]);
    }
    registry.handler("iam", operation).handler().handle(new OperationCall(operation,
        QueryInputDecoder.decode(registry.operation("iam", operation).input(), params), Caller.root(account.partition(), account.accountId(), account.accountId()),
        account, "footprint", "us-east-1", new OperationCall.RequestFacts("127.0.0.1", false, "footprint")));
  }

  static long liveHeap() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    long previous = Long.MAX_VALUE;
    for (int i = 0; i < 6; i++) {
      System.gc();
      Thread.sleep(50);
      long used = runtime.totalMemory() - runtime.freeMemory();
      if (Math.abs(previous - used) < 64 * 1024) {
        return used;
      }
      previous = used;
    }
    return previous;
  }
}
