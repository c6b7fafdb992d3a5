package io.iamlocal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.protocol.query.QueryInputDecoder;
import io.iamlocal.protocol.query.UnknownMemberException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Decoded inputs know their shape: a member the operation lacks is a programming error, not a null.
 */
class TypedParamsTest {
  private static final ServiceModel IAM = ServiceModel.load("iam-2010-05-08");

  @Test
  void aMisspeltMemberIsRefusedNotReadAsAbsent() {
    Params input =
        QueryInputDecoder.decode(IAM.operation("CreateUser").input(), Map.of("UserName", "alice"));
    assertThat(input.string("UserName")).isEqualTo("alice");
    assertThat(input.string("Path")).isNull();
    assertThat(input.has("PermissionsBoundary")).isFalse();
    assertThatThrownBy(() -> input.string("UserNmae"))
        .isInstanceOf(UnknownMemberException.class)
        .hasMessage("input shape CreateUserRequest has no member 'UserNmae'");
    assertThatThrownBy(() -> input.has("RoleName")).isInstanceOf(UnknownMemberException.class);
  }

  @Test
  void nestedStructuresKnowTheirShapes() {
    Params input =
        QueryInputDecoder.decode(
            IAM.operation("TagUser").input(),
            Map.of(
                "UserName", "alice", "Tags.member.1.Key", "team", "Tags.member.1.Value", "blue"));
    Params tag = input.structs("Tags").get(0);
    assertThat(tag.string("Key")).isEqualTo("team");
    assertThatThrownBy(() -> tag.string("UserName")).isInstanceOf(UnknownMemberException.class);
  }

  @Test
  void anOperationWithoutInputHasNoMembers() {
    Params none = QueryInputDecoder.decode(IAM.operation("GetAccountSummary").input(), Map.of());
    assertThat(none).isSameAs(Params.NO_INPUT);
    assertThatThrownBy(() -> none.string("UserName")).isInstanceOf(UnknownMemberException.class);
  }

  @Test
  void codeServingEveryOperationAsksWhetherTheInputCarriesAMember() {
    Params input =
        QueryInputDecoder.decode(
            IAM.operation("CreateUser").input(),
            Map.of("UserName", "alice", "Tags.member.1.Key", "k", "Tags.member.1.Value", "v"));
    assertThat(input.carries("Tags")).isTrue();
    assertThat(input.carries("Path")).isFalse();
    assertThat(input.carries("PolicyArn")).isFalse(); // not a CreateUser member: no error
    assertThat(new Params(Map.of("Any", "x")).string("Any"))
        .isEqualTo("x"); // hand-built values have no shape
  }
}
