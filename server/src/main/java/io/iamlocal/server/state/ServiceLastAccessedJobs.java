package io.iamlocal.server.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Service last accessed report jobs (GenerateServiceLastAccessedDetails): each job snapshots, when
 * generated, what the target's principals did according to {@link AccessActivity}. Jobs complete at
 * once. Guarded by the account lock except for the concurrent job map.
 */
public final class ServiceLastAccessedJobs {
  private final Map<String, Job> byId = new ConcurrentHashMap<>();

  /** A principal (IAM user or role) a report covers. */
  public record Entity(String type, String arn, String name, String id, String path) {}

  /** One action a principal used, and its last use. */
  public record ActionAccess(String actionName, String entityArn, String region, Instant time) {}

  /** One service in a report: who used it last, when, where, and how many principals used it. */
  public record ServiceAccess(
      String namespace,
      String lastEntityArn,
      String region,
      Instant lastAuthenticated,
      int totalAuthenticatedEntities,
      List<ActionAccess> actions) {}

  /** One principal's last use of a service, for GetServiceLastAccessedDetailsWithEntities. */
  public record EntityAccess(Entity entity, Instant lastAuthenticated) {}

  /** A finished job: services in namespace order, and the principals per service. */
  public record Job(
      String jobId,
      String granularity,
      Instant created,
      List<ServiceAccess> services,
      Map<String, List<EntityAccess>> entitiesByService) {}

  public static ServiceLastAccessedJobs of(AccountState account) {
    return account.extension(ServiceLastAccessedJobs.class, a -> new ServiceLastAccessedJobs());
  }

  public Job get(String jobId) {
    return byId.get(jobId);
  }

  /**
   * Builds a report over {@code entities} (the principals whose activity counts) and the services
   * {@code allowedServices} that their policies grant (listed even when never used).
   */
  public Job generate(
      String jobId,
      String granularity,
      Instant now,
      List<Entity> entities,
      java.util.Set<String> allowedServices,
      AccessActivity activity) {
    Map<String, List<EntityAccess>> perService = new TreeMap<>();
    Map<String, List<ActionAccess>> actionsPerService = new TreeMap<>();
    Map<String, AccessActivity.Access> lastPerService = new TreeMap<>();
    Map<String, String> lastEntityPerService = new TreeMap<>();
    for (String ns : allowedServices) {
      perService.put(ns, new ArrayList<>());
    }
    for (Entity entity : entities) {
      for (Map.Entry<String, Map<String, AccessActivity.ServiceUse>> principal :
          activity.all().entrySet()) {
        if (!belongsTo(principal.getKey(), entity)) {
          continue;
        }
        for (Map.Entry<String, AccessActivity.ServiceUse> use : principal.getValue().entrySet()) {
          String ns = use.getKey();
          AccessActivity.Access last = use.getValue().last();
          List<EntityAccess> list = perService.computeIfAbsent(ns, k -> new ArrayList<>());
          mergeEntity(list, entity, last.time());
          AccessActivity.Access best = lastPerService.get(ns);
          if (best == null || last.time().isAfter(best.time())) {
            lastPerService.put(ns, last);
            lastEntityPerService.put(ns, entity.arn());
          }
          List<ActionAccess> actions =
              actionsPerService.computeIfAbsent(ns, k -> new ArrayList<>());
          use.getValue()
              .actions()
              .forEach((action, access) -> mergeAction(actions, action, entity.arn(), access));
        }
      }
    }
    List<ServiceAccess> services = new ArrayList<>();
    for (Map.Entry<String, List<EntityAccess>> e : perService.entrySet()) {
      String ns = e.getKey();
      AccessActivity.Access last = lastPerService.get(ns);
      List<ActionAccess> actions =
          "ACTION_LEVEL".equals(granularity) && tracksActions(ns)
              ? sortedActions(actionsPerService.getOrDefault(ns, List.of()))
              : null;
      services.add(
          new ServiceAccess(
              ns,
              lastEntityPerService.get(ns),
              last == null ? null : last.region(),
              last == null ? null : last.time(),
              e.getValue().size(),
              actions));
      e.getValue().sort(Comparator.comparing((EntityAccess a) -> a.entity().arn()));
    }
    Job job = new Job(jobId, granularity, now, List.copyOf(services), perService);
    byId.put(jobId, job);
    return job;
  }

  /**
   * IAM tracks actions (action last accessed) for IAM itself among the services IAMLocal serves.
   */
  private static boolean tracksActions(String namespace) {
    return "iam".equals(namespace);
  }

  /**
   * True when calls recorded under {@code principalArn} were made by {@code entity}: the user's own
   * ARN, or a session of the role ({@code arn:PARTITION:sts::ACCOUNT:assumed-role/NAME/SESSION}).
   */
  static boolean belongsTo(String principalArn, Entity entity) {
    if (principalArn.equals(entity.arn())) {
      return true;
    }
    if ("ROLE".equals(entity.type())) {
      // arn:P:iam::ACCOUNT:role/PATH/NAME has its sessions at
      // arn:P:sts::ACCOUNT:assumed-role/NAME/SESSION
      String accountPart =
          entity.arn().substring(0, entity.arn().indexOf(":role/")).replace(":iam::", ":sts::");
      return principalArn.startsWith(accountPart + ":assumed-role/" + entity.name() + "/");
    }
    return false;
  }

  private static void mergeEntity(List<EntityAccess> list, Entity entity, Instant time) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).entity().arn().equals(entity.arn())) {
        if (time.isAfter(list.get(i).lastAuthenticated())) {
          list.set(i, new EntityAccess(entity, time));
        }
        return;
      }
    }
    list.add(new EntityAccess(entity, time));
  }

  private static void mergeAction(
      List<ActionAccess> actions, String name, String entityArn, AccessActivity.Access access) {
    for (int i = 0; i < actions.size(); i++) {
      if (actions.get(i).actionName().equals(name)) {
        if (access.time().isAfter(actions.get(i).time())) {
          actions.set(i, new ActionAccess(name, entityArn, access.region(), access.time()));
        }
        return;
      }
    }
    actions.add(new ActionAccess(name, entityArn, access.region(), access.time()));
  }

  private static List<ActionAccess> sortedActions(List<ActionAccess> actions) {
    List<ActionAccess> copy = new ArrayList<>(actions);
    copy.sort(Comparator.comparing(ActionAccess::actionName));
    return copy;
  }
}
