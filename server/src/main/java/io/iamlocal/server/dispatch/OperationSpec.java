package io.iamlocal.server.dispatch;

import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything the server needs to know about one operation besides its handler: the account lock it
 * runs under, whether a data directory journals it, whether AWS serves it unsigned, which temporary
 * credentials may call it, the action-specific condition keys it supplies, and the ARN member AWS
 * checks before authorizing ({@code arnMember}, or null), whether the password policy grants it to
 * every user ({@code passwordPolicyGrants}), the resource it is authorized against ({@code
 * resource}), and the ARN member naming another account the handler reaches ({@code accountMember},
 * or null: the dispatcher then locks that account too). Locking ({@link QueryDispatcher}),
 * journalling and replay ({@code Durability}), unsigned calls and authorization ({@code
 * PolicyAuthorizer}) read only this. Specs are made by {@link OperationRegistry#register}: defaults
 * from AWS's Service Authorization Reference (the action's access level and resource types),
 * changed by {@link Change}s declared with the handler.
 */
public record OperationSpec(
    String service,
    String name,
    String action,
    LockMode lock,
    boolean journalled,
    boolean unsigned,
    SessionAccess sessions,
    Set<String> conditionKeys,
    String arnMember,
    boolean passwordPolicyGrants,
    Resource resource,
    String accountMember) {

  public OperationSpec {
    Objects.requireNonNull(service);
    Objects.requireNonNull(name);
    if (!action.equals(action(service, name))) {
      throw new IllegalArgumentException(action + " is not the action of " + service + ":" + name);
    }
    Objects.requireNonNull(lock);
    Objects.requireNonNull(sessions);
    conditionKeys = Set.copyOf(conditionKeys);
    if (lock == LockMode.READ && journalled) {
      throw new IllegalArgumentException(
          service + ":" + name + ": a read-locked call changes nothing to journal");
    }
  }

  /** The account lock a call runs under. */
  public enum LockMode {
    /** Shares the read lock; changes nothing. */
    READ,
    /** Takes the write lock. */
    WRITE,
    /**
     * Shares the read lock but draws random values and creates a session in a concurrent store
     * (GetSessionToken): journalled when it drew any, refused once the data directory has failed.
     */
    READ_MINTS;

    /** Whether the call shares the account's read lock. */
    public boolean shared() {
      return this != WRITE;
    }
  }

  /**
   * Which temporary credentials may call the operation whatever the policies say (AWS:
   * GetSessionToken credentials "cannot call any IAM API operations unless MFA information is
   * included", "cannot call any STS API except AssumeRole or GetCallerIdentity"; federated users
   * call only GetCallerIdentity).
   */
  public enum SessionAccess {
    /** Role sessions only; others are refused with AccessDenied (STS's default). */
    ROLE,
    /**
     * Role sessions and GetSessionToken credentials; federated users are refused with AccessDenied.
     */
    ROLE_OR_SESSION_TOKEN,
    /**
     * Role sessions and GetSessionToken credentials with MFA; others are refused as an invalid
     * token (IAM's default).
     */
    ROLE_OR_MFA_SESSION_TOKEN,
    /** Every temporary credential. */
    ANY,
    /** The handler refuses temporary credentials itself, before any policy is evaluated. */
    HANDLER_DECIDES
  }

  /**
   * A change to the defaults, declared with the handler; {@code why} is for the reader of the
   * declaration.
   */
  @FunctionalInterface
  public interface Change {
    OperationSpec apply(OperationSpec defaults);
  }

  /**
   * Runs under {@code lock} although AWS's access level suggests otherwise (or AWS lists no level);
   * say {@code why}.
   */
  public static Change lock(LockMode lock, String why) {
    requireReason(why);
    return new LockChange(lock);
  }

  /** Whether a call may change state: refused once the data directory has failed. */
  public boolean mayChangeState() {
    return lock != LockMode.READ;
  }

  /**
   * Whether a call that succeeded left a change to journal (and to replay through the same handler
   * at start-up): journalled operations always, except that a read-locked call that mints ({@link
   * LockMode#READ_MINTS}) changed something only when it drew random values.
   */
  public boolean journals(boolean drewRandom) {
    return journalled && (lock != LockMode.READ_MINTS || drewRandom);
  }

  /**
   * The action policies name, {@code iam:CreateUser}: a component, built once with the spec rather
   * than per authorized call.
   */
  static String action(String service, String name) {
    return service + ":" + name;
  }

  /**
   * The resource a call is authorized against: built by {@code form} from the request member {@code
   * member} (the listed entity type for {@link ResourceForm#LIST} forms; null when the form reads
   * none); {@code tagAction} is also required when the request carries Tags, or null.
   */
  public record Resource(ResourceForm form, String member, String tagAction) {
    public Resource {
      Objects.requireNonNull(form);
      if (form.readsMember() && member == null) {
        throw new IllegalArgumentException("resource form " + form + " needs a member");
      }
    }

    /** Whether the generic authorizer leaves the action alone. */
    public boolean unchecked() {
      return form == ResourceForm.UNCHECKED;
    }
  }

  /**
   * Authorized against {@code form} built from {@code member} instead of the resource AWS's
   * reference suggests (or where it suggests none the request names); say {@code why}.
   */
  public static Change resource(ResourceForm form, String member, String why) {
    requireReason(why);
    return new ResourceChange(form, member);
  }

  /** Authorized against {@code form}, which reads no member; say {@code why}. */
  public static Change resource(ResourceForm form, String why) {
    return resource(form, null, why);
  }

  /**
   * The resource change (the only one that can stand in for a resource the defaults cannot find).
   */
  record ResourceChange(ResourceForm form, String member) implements Change {
    @Override
    public OperationSpec apply(OperationSpec s) {
      String tagAction = s.resource == null ? null : s.resource.tagAction;
      return s.edit(e -> e.resource = new Resource(form, member, tagAction));
    }
  }

  /**
   * Creating with Tags also needs {@code tagAction} (AWS requires e.g. iam:TagUser to tag a user at
   * creation).
   */
  public static Change tagAction(String tagAction) {
    return s ->
        s.resource == null
            ? unresolved(s, "declare its resource before its tag action")
            : s.edit(e -> e.resource = new Resource(s.resource.form, s.resource.member, tagAction));
  }

  /** The lock change (the only one that can stand in for a missing access level). */
  record LockChange(LockMode lock) implements Change {
    @Override
    public OperationSpec apply(OperationSpec s) {
      return s.edit(
          e -> {
            e.lock = lock;
            e.journalled = lock != LockMode.READ;
          });
    }
  }

  /** Write-locked but leaves nothing lasting, so nothing is journalled; say {@code why}. */
  public static Change notJournalled(String why) {
    requireReason(why);
    return s -> s.edit(e -> e.journalled = false);
  }

  /** AWS serves the call without a signature (the request carries its own credential). */
  public static Change unsignedAllowed() {
    return s -> s.edit(e -> e.unsigned = true);
  }

  /** Temporary credentials that may call it, other than the service's default. */
  public static Change sessions(SessionAccess sessions) {
    return s -> s.edit(e -> e.sessions = sessions);
  }

  /**
   * Condition keys of AWS's reference for this action that the request context gets from the call
   * itself (the policy being attached, the target's boundary, the token's audience), beyond the
   * keys every call carries; the authorizer reads them from here.
   */
  public static Change conditionKeys(String... keys) {
    return s -> s.edit(e -> e.conditionKeys = Set.of(keys));
  }

  /**
   * The defaults: Read and List actions share the read lock, every other access level takes the
   * write lock and is journalled; IAM admits MFA'd session-token credentials, STS role sessions
   * only. With no access level (AWS does not list the action yet) the registry insists on a {@link
   * #lock} override.
   */
  static OperationSpec defaults(
      String service, String name, String accessLevel, Resource resource) {
    // accessLevel null: provisional write defaults, replaced by the mandatory lock override
    SessionAccess sessions =
        service.equals("iam") ? SessionAccess.ROLE_OR_MFA_SESSION_TOKEN : SessionAccess.ROLE;
    boolean read =
        accessLevel != null && (accessLevel.equals("Read") || accessLevel.equals("List"));
    return new OperationSpec(
        service,
        name,
        action(service, name),
        read ? LockMode.READ : LockMode.WRITE,
        !read,
        false,
        sessions,
        Set.of(),
        null,
        false,
        resource,
        null);
  }

  /**
   * The spec of an operation whose service authorizes calls itself (S3, with its own actions and
   * resources) and keeps no journal (its data lives in memory only): only the lock is declared.
   */
  public static OperationSpec authorizedByItsService(String service, String name, LockMode lock) {
    return new OperationSpec(
        service,
        name,
        action(service, name),
        lock,
        false,
        false,
        SessionAccess.ANY,
        Set.of(),
        null,
        false,
        new Resource(ResourceForm.UNCHECKED, null, null),
        null);
  }

  /**
   * AWS checks the ARN in {@code member} for syntax before it authorizes the call (a
   * ValidationError for anyone; recorded).
   */
  public static Change arnCheckedFirst(String member) {
    return s -> s.edit(e -> e.arnMember = member);
  }

  /**
   * The account password policy's "allow users to change their own password" grants every IAM user
   * this action (on itself), unless a policy denies it.
   */
  public static Change grantedByPasswordPolicy() {
    return s -> s.edit(e -> e.passwordPolicyGrants = true);
  }

  /**
   * The handler may reach the account named in the ARN of {@code member} (AssumeRole's role of
   * another account); the dispatcher locks that account too, in the global lock order.
   */
  public static Change reachesAccountOf(String member) {
    return s -> s.edit(e -> e.accountMember = member);
  }

  /** A copy of this spec with {@code change} applied to its fields. */
  private OperationSpec edit(Consumer<Edit> change) {
    Edit e = edit();
    change.accept(e);
    return e.spec();
  }

  private Edit edit() {
    return new Edit(this);
  }

  /**
   * The fields of a spec being changed by a {@link Change}; {@link #spec()} validates them again.
   */
  private static final class Edit {
    private final String service;
    private final String name;
    private final String action;
    LockMode lock;
    boolean journalled;
    boolean unsigned;
    SessionAccess sessions;
    Set<String> conditionKeys;
    String arnMember;
    boolean passwordPolicyGrants;
    Resource resource;
    String accountMember;

    Edit(OperationSpec s) {
      service = s.service;
      name = s.name;
      action = s.action;
      lock = s.lock;
      journalled = s.journalled;
      unsigned = s.unsigned;
      sessions = s.sessions;
      conditionKeys = s.conditionKeys;
      arnMember = s.arnMember;
      passwordPolicyGrants = s.passwordPolicyGrants;
      resource = s.resource;
      accountMember = s.accountMember;
    }

    OperationSpec spec() {
      return new OperationSpec(
          service,
          name,
          action,
          lock,
          journalled,
          unsigned,
          sessions,
          conditionKeys,
          arnMember,
          passwordPolicyGrants,
          resource,
          accountMember);
    }
  }

  private static OperationSpec unresolved(OperationSpec s, String what) {
    throw new IllegalArgumentException(s.action() + ": " + what);
  }

  private static void requireReason(String why) {
    if (why == null || why.isBlank()) {
      throw new IllegalArgumentException("an override of an operation's defaults says why");
    }
  }
}
