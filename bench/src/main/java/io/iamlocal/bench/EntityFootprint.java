package io.iamlocal.bench;

import io.iamlocal.server.IamLocal;
import io.iamlocal.server.state.AwsManagedPolicyCatalog;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Heap held per entity (issue #20): an embedded server filled through the wire with the AWS SDK,
 * exactly as {@code wire} fills it (users with the bench's shape), then N STS sessions (AssumeRole
 * of the bench role by bench users) and N customer managed policies with the bench's document.
 * Each figure is the live heap after full collections, before and after a batch, divided by the
 * batch, after a warm-up batch (class loading, caches). The CloudTrail ring (a fixed 1,000 events)
 * is off, so that what it holds does not count per entity. Also the idle server and the AWS managed policy catalog.
 * With {@code -Dfootprint.histogram=true}, the classes that grew most per user (class histogram).
 * {@code java -Xmx1g -XX:+UseSerialGC -jar iamlocal-bench.jar footprint [users] [sessions] [policies]} (policies: at most 1,400, AWS allows 1,500 per account).
 * Add {@code -XX:MarkSweepDeadRatio=0} to count objects only: otherwise the serial collector's full
 * collections leave up to 5 % of the old generation as dead {@code int[]} fillers, ~100-200 bytes
 * per entity here.
 */
final class EntityFootprint {
  private static final int WARM_UP = 1_000;
  private static final int THREADS = 4;
  private static final boolean HISTOGRAMS = Boolean.getBoolean("footprint.histogram");
  private static Map<String, long[]> held;

  private EntityFootprint() {}

  static void run(int users, int sessions, int policies) throws Exception {
    System.setProperty("iamlocal.quota.UsersPerAccount", String.valueOf(users + WARM_UP + 10));
    long jvm = liveHeap();
    try (IamLocal server = IamLocal.builder().port(0).cloudTrailEvents(0).start()) {
      long idle = liveHeap();
      AwsManagedPolicyCatalog.get();
      long catalog = liveHeap();
      URI endpoint = server.endpoint();
      Filler filler = new Filler(endpoint, server.accountId());
      Filler.Result setup = filler.fill(0, 1); // the customer policy, the groups and the role
      String policyArn = setup.customerPolicyArn();
      Filler.BenchUser[] callers = new Filler.BenchUser[10]; // the only users whose keys are kept here
      ThreadLocal<IamClient> iam = ThreadLocal.withInitial(() -> Clients.iam(endpoint, Clients.root()));
      IntConsumer fillUser = i -> {
        Filler.BenchUser user = filler.fillUser(iam.get(), i, policyArn, new AtomicBoolean());
        if (i < callers.length) {
          callers[i] = user;
        }
      };
      long perUser = perEntity("user (bench shape)", WARM_UP, users, fillUser);
      // Ten callers, so that what the server records per calling principal does not count here.
      String roleArn = setup.roleArn();
      ThreadLocal<AwsCredentials> caller = new ThreadLocal<>();
      ThreadLocal<StsClient> sts = ThreadLocal.withInitial(() -> StsClient.builder().endpointOverride(endpoint)
          .region(Region.US_EAST_1).credentialsProvider(caller::get)
          .httpClientBuilder(UrlConnectionHttpClient.builder()).build());
      long perSession = perEntity("STS session (AssumeRole)", WARM_UP, sessions, i -> {
        Filler.BenchUser u = callers[i % callers.length];
        caller.set(AwsBasicCredentials.create(u.keyId1(), u.secret1()));
        sts.get().assumeRole(r -> r.roleArn(roleArn).roleSessionName("s" + i));
      });
      long perPolicy = perEntity("customer managed policy", 100, policies, i -> iam.get().createPolicy(r -> r
          .policyName("footprint-" + i).path(Filler.PATH).policyDocument(filler.customerPolicy())));
      double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      System.out.printf(Locale.ROOT, "live heap after full GCs (load average %.2f; %s)%n", load,
          ManagementFactory.getRuntimeMXBean().getInputArguments());
      System.out.printf(Locale.ROOT, "idle server (embedded, started):    %,10d bytes%n", idle - jvm);
      System.out.printf(Locale.ROOT, "AWS managed policy catalog (%d):   %,10d bytes%n",
          AwsManagedPolicyCatalog.get().size(), catalog - idle);
      System.out.printf(Locale.ROOT, "per user (bench shape, %,d):       %,10d bytes%n", users, perUser);
      System.out.printf(Locale.ROOT, "per STS session (AssumeRole, %,d): %,10d bytes%n", sessions, perSession);
      System.out.printf(Locale.ROOT, "per customer managed policy (%,d):  %,10d bytes%n", policies, perPolicy);
      if (System.getProperty("footprint.pause") != null) {
        System.out.println("pausing for jcmd: pid " + ProcessHandle.current().pid());
        Thread.sleep(Long.parseLong(System.getProperty("footprint.pause")) * 1000);
      }
    }
  }

  /**
   * Live heap per entity made by {@code action}: indices [0, warmUp) first (they refill the server's
   * fixed-size rings with this kind of call, and load the classes), then [warmUp, warmUp + count)
   * measured. With {@code -Dfootprint.histogram=true}, prints the classes that grew most.
   */
  private static long perEntity(String what, int warmUp, int count, IntConsumer action) throws Exception {
    parallel(0, warmUp, action);
    held = Histogram.take(); // one histogram is alive at both counts, so that it cancels out
    Map<String, long[]> before = Histogram.take();
    held = null;
    parallel(warmUp, warmUp + count, action);
    Map<String, long[]> after = Histogram.take();
    if (HISTOGRAMS) {
      System.out.println("grown per " + what + ":");
      Histogram.printGrowth(before, after, count, 20);
    }
    return count == 0 ? 0 : (Histogram.total(after) - Histogram.total(before)) / count;
  }


  /** Runs {@code action} for each index in [from, to) on a few fresh threads. */
  private static void parallel(int from, int to, IntConsumer action) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = from; i < to; i++) {
        int index = i;
        futures.add(pool.submit(() -> action.accept(index)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES); // its threads' clients become garbage
    }
  }

  /** Bytes of live objects after a full collection (the class histogram's total). */
  private static long liveHeap() throws Exception {
    return Histogram.total(Histogram.take());
  }


}
