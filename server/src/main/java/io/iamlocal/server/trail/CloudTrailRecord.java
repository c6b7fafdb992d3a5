package io.iamlocal.server.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamlocal.protocol.model.Shape;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.Session;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link TrailEvent} as the CloudTrail record AWS writes (record contents as documented
 * in "CloudTrail record contents for management, data, and network activity events"): identity,
 * time, source, request parameters with member names in lower camel case, response elements for
 * writes, error code and message, IDs, and the event's category. Secrets are left out as CloudTrail
 * leaves them out: members the service model marks sensitive (secret access keys, passwords) and
 * session tokens, SAML assertions and web identity tokens.
 */
public final class CloudTrailRecord {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The version AWS writes for IAM, STS and S3 events today. */
  static final String EVENT_VERSION = "1.09";

  /** Members CloudTrail never logs although the models do not all mark them sensitive. */
  private static final Set<String> SECRET_MEMBERS =
      Set.of(
          "SecretAccessKey",
          "SessionToken",
          "Password",
          "OldPassword",
          "NewPassword",
          "SAMLAssertion",
          "WebIdentityToken",
          "PrivateKey",
          "ServicePassword",
          "SSHPublicKeyBody",
          "AuthenticationCode1",
          "AuthenticationCode2",
          "Base32StringSeed",
          "QRCodePNG");

  /**
   * How IAM and STS response elements show dates in CloudTrail ({@code Oct 6, 2021 6:54:27 PM}).
   */
  private static final DateTimeFormatter RESPONSE_DATE =
      DateTimeFormatter.ofPattern("MMM d, yyyy h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter EVENT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /**
   * Request members naming the IAM resource a call is about, and their CloudTrail resource types.
   */
  private static final String[][] RESOURCE_MEMBERS = {
    {"UserName", "AWS::IAM::User"},
    {"RoleName", "AWS::IAM::Role"},
    {"RoleArn", "AWS::IAM::Role"},
    {"GroupName", "AWS::IAM::Group"},
    {"PolicyArn", "AWS::IAM::Policy"},
    {"AccessKeyId", "AWS::IAM::AccessKey"},
    {"InstanceProfileName", "AWS::IAM::InstanceProfile"}
  };

  private CloudTrailRecord() {}

  static ObjectNode render(TrailEvent event) {
    ObjectNode record = NODES.objectNode();
    record.put("eventVersion", EVENT_VERSION);
    record.set("userIdentity", userIdentity(event.caller, event.accountId));
    record.put("eventTime", EVENT_TIME.format(Instant.ofEpochMilli(event.epochMillis)));
    record.put("eventSource", event.eventSource());
    record.put("eventName", event.eventName);
    // IAM is global: its events are recorded in us-east-1 whatever region the client named.
    record.put("awsRegion", event.service.equals("iam") ? "us-east-1" : event.region);
    record.put("sourceIPAddress", event.origin.sourceIp());
    record.put("userAgent", event.origin.userAgent());
    if (event.errorCode != null) {
      record.put("errorCode", event.errorCode);
      record.put("errorMessage", event.errorMessage);
    }
    record.set("requestParameters", requestParameters(event));
    record.set("responseElements", responseElements(event));
    if (event.payload.s3Parameters() != null) {
      record.set(
          "additionalEventData",
          NODES
              .objectNode()
              .put("SignatureVersion", "SigV4")
              .put(
                  "AuthenticationMethod",
                  event.payload.s3Parameters().containsKey("X-Amz-Credential")
                      ? "QueryString"
                      : "AuthHeader"));
    }
    record.put("requestID", event.requestId());
    record.put("eventID", event.eventId());
    record.put("readOnly", event.readOnly);
    if (event.payload.s3Parameters() != null) {
      ArrayNode resources = record.putArray("resources");
      for (String[] resource : event.payload.resources()) {
        ObjectNode r = resources.addObject();
        if (resource[0].equals("AWS::S3::Bucket")) {
          r.put("accountId", event.accountId);
        }
        r.put("type", resource[0]).put("ARN", resource[1]);
      }
    }
    record.put("eventType", "AwsApiCall");
    record.put("managementEvent", event.managementEvent());
    record.put("recipientAccountId", event.accountId);
    record.put("eventCategory", event.managementEvent() ? "Management" : "Data");
    if (event.origin.secure()) {
      record.set(
          "tlsDetails", NODES.objectNode().put("clientProvidedHostHeader", event.origin.host()));
    }
    return record;
  }

  /**
   * The identity block: type, principal ID, ARN, account, access key, and the session's context.
   */
  static ObjectNode userIdentity(Caller caller, String accountId) {
    ObjectNode identity = NODES.objectNode();
    if (caller == null || caller.kind() == Caller.Kind.ANONYMOUS) {
      identity.put("type", "Unknown");
      return identity;
    }
    Session session = caller.session();
    switch (caller.kind()) {
      case ROOT ->
          identity
              .put("type", "Root")
              .put("principalId", caller.accountId())
              .put("arn", caller.arn())
              .put("accountId", caller.accountId())
              .put("accessKeyId", caller.accessKeyId());
      case USER ->
          identity
              .put("type", "IAMUser")
              .put("principalId", caller.userId())
              .put("arn", caller.arn())
              .put("accountId", caller.accountId())
              .put("accessKeyId", caller.accessKeyId())
              .put("userName", caller.user().userName());
      case ASSUMED_ROLE ->
          identity
              .put("type", "AssumedRole")
              .put("principalId", caller.userId())
              .put("arn", caller.arn())
              .put("accountId", caller.accountId())
              .put("accessKeyId", caller.accessKeyId());
      case FEDERATED_USER ->
          identity
              .put("type", "FederatedUser")
              .put("principalId", caller.userId())
              .put("arn", caller.arn())
              .put("accountId", caller.accountId())
              .put("accessKeyId", caller.accessKeyId());
      default -> identity.put("type", "Unknown");
    }
    if (session != null) {
      ObjectNode context = identity.putObject("sessionContext");
      ObjectNode issuer = context.putObject("sessionIssuer");
      if (session.role() != null) {
        issuer
            .put("type", "Role")
            .put("principalId", session.role().roleId())
            .put("arn", session.role().arn())
            .put("accountId", session.role().accountId())
            .put("userName", session.role().roleName());
      } else if (session.user() != null) {
        issuer
            .put("type", "IAMUser")
            .put("principalId", session.user().userId())
            .put("arn", session.user().arn())
            .put("accountId", session.user().accountId())
            .put("userName", session.user().userName());
      }
      context.putObject("webIdFederationData");
      context
          .putObject("attributes")
          .put("creationDate", EVENT_TIME.format(session.issuedAt()))
          .put("mfaAuthenticated", Boolean.toString(session.mfaPresent()));
      if (session.sourceIdentity() != null) {
        context.put("sourceIdentity", session.sourceIdentity());
      }
    }
    return identity;
  }

  private static JsonNode requestParameters(TrailEvent event) {
    TrailEvent.Payload payload = event.payload;
    if (payload.s3Parameters() != null) {
      ObjectNode params = NODES.objectNode();
      payload
          .s3Parameters()
          .forEach(
              (k, v) -> {
                if (!k.startsWith("X-Amz-")) {
                  params.put(k, String.valueOf(v));
                }
              });
      return params;
    }
    if (payload.inputShape() == null || payload.input() == null || payload.input().isEmpty()) {
      return NODES.nullNode();
    }
    return structure(payload.inputShape(), payload.input(), false);
  }

  private static JsonNode responseElements(TrailEvent event) {
    TrailEvent.Payload payload = event.payload;
    if (event.readOnly
        || event.errorCode != null
        || payload.outputShape() == null
        || payload.output() == null
        || payload.output().isEmpty()) {
      return NODES.nullNode();
    }
    return structure(payload.outputShape(), payload.output(), true);
  }

  @SuppressWarnings("unchecked")
  private static ObjectNode structure(Shape shape, Map<String, ?> values, boolean response) {
    ObjectNode node = NODES.objectNode();
    for (String member : shape.memberNames()) {
      Object v = values.get(member);
      Shape memberShape = shape.member(member);
      if (v == null
          || memberShape == null
          || memberShape.isSensitive()
          || SECRET_MEMBERS.contains(member)) {
        continue;
      }
      node.set(lowerCamel(member), value(memberShape, v, response));
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  private static JsonNode value(Shape shape, Object v, boolean response) {
    switch (shape.type()) {
      case STRUCTURE:
        return v instanceof Map<?, ?> m
            ? structure(shape, (Map<String, ?>) m, response)
            : NODES.textNode(v.toString());
      case LIST:
        {
          ArrayNode items = NODES.arrayNode();
          for (Object item : (Collection<?>) v) {
            items.add(value(shape.listMember(), item, response));
          }
          return items;
        }
      case MAP:
        {
          ObjectNode entries = NODES.objectNode();
          ((Map<?, ?>) v)
              .forEach(
                  (k, val) ->
                      entries.set(
                          String.valueOf(k),
                          val == null ? NODES.nullNode() : value(shape.mapValue(), val, response)));
          return entries;
        }
      case TIMESTAMP:
        return NODES.textNode(
            response ? RESPONSE_DATE.format((Instant) v) : EVENT_TIME.format((Instant) v));
      case BOOLEAN:
        return NODES.booleanNode((Boolean) v);
      case INTEGER:
      case LONG:
        return NODES.numberNode(((Number) v).longValue());
      case DOUBLE:
        return NODES.numberNode(((Number) v).doubleValue());
      default:
        return v instanceof byte[]
            ? NODES.textNode("HIDDEN_DUE_TO_SECURITY_REASONS")
            : NODES.textNode(v.toString());
    }
  }

  /**
   * CloudTrail's member spelling: the model's name with its first letter lower-cased ({@code
   * userName}).
   */
  static String lowerCamel(String member) {
    return member.isEmpty()
        ? member
        : Character.toLowerCase(member.charAt(0)) + member.substring(1);
  }

  /** Event history's resources: the IAM entity a call names, or the S3 bucket and object. */
  static List<String[]> resources(TrailEvent event) {
    List<String[]> out = new ArrayList<>();
    if (event.payload.s3Parameters() != null) {
      for (String[] r : event.payload.resources()) {
        out.add(new String[] {r[0], r[1]});
      }
      return out;
    }
    Map<String, Object> input = event.payload.input();
    if (input == null) {
      return out;
    }
    for (String[] member : RESOURCE_MEMBERS) {
      Object value = input.get(member[0]);
      if (value instanceof String s) {
        out.add(new String[] {member[1], s});
      }
    }
    return out;
  }
}
