package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Accounts created on first use, found by partition and ID, and the key-ID index across them. */
class AccountsTest {
  private final IamLocalState state =
      new IamLocalState(
          "123456789012",
          "test",
          "test",
          Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void accountsComeIntoBeingOnFirstUsePerPartition() {
    assertThat(state.accounts().all())
        .extracting(AccountState::accountId)
        .containsExactly("123456789012");
    assertThat(state.accounts().find(Partition.AWS, "111111111111")).isNull();
    AccountState dev = state.account(Partition.AWS, "111111111111");
    assertThat(state.account(Partition.AWS, "111111111111")).isSameAs(dev);
    AccountState china = state.account(Partition.AWS_CN, "111111111111");
    assertThat(china).isNotSameAs(dev);
    assertThat(china.partition()).isEqualTo(Partition.AWS_CN);
    assertThat(state.defaultAccount(Partition.AWS)).isSameAs(state.account());
    assertThat(state.accounts().size()).isEqualTo(3);
    // Their root keys: the 12-digit ID itself, with the flags' secret.
    assertThat(dev.accessKeys().get("111111111111").secretAccessKey()).isEqualTo("test");
    assertThat(dev.accessKeys().get("111111111111").owner()).isNull();
  }

  @Test
  void rootKeyIdsNameTheirAccount() {
    assertThat(state.rootAccountOf("test")).isEqualTo("123456789012");
    assertThat(state.rootAccountOf("222222222222")).isEqualTo("222222222222");
    assertThat(state.rootAccountOf("22222222222")).isNull();
    assertThat(state.rootAccountOf("AKIAIOSFODNN7EXAMPLE")).isNull();
    AccessKey root = state.rootKey(state.account(), "test");
    assertThat(state.accountOf("test", root, "cn-north-1"))
        .isSameAs(state.defaultAccount(Partition.AWS_CN));
    assertThat(state.accountOf("test", root, "eu-west-1")).isSameAs(state.account());
  }

  @Test
  void everyKeyFindsItsAccountUntilItIsRemoved() {
    AccountState dev = state.account(Partition.AWS, "111111111111");
    AccessKey key = new AccessKey("AKIAEXAMPLEKEY000001", "s", null, dev.createDate());
    dev.addAccessKey(key);
    assertThat(state.accounts().ownerOfKey("AKIAEXAMPLEKEY000001")).isSameAs(dev);
    assertThat(state.accountOf("AKIAEXAMPLEKEY000001", key, "us-east-1")).isSameAs(dev);
    assertThat(state.account().keyIdFree("AKIAEXAMPLEKEY000001")).isFalse();
    dev.removeAccessKey("AKIAEXAMPLEKEY000001");
    assertThat(state.accounts().ownerOfKey("AKIAEXAMPLEKEY000001")).isNull();
  }

  @Test
  void aUsersKeyIsFoundWithItsAccountOnceAndLeadsBackToThatAccountWhileHeld() {
    AccountState dev = state.account(Partition.AWS, "111111111111");
    User alice = new User(dev.partition(), dev.accountId(), "alice", "/", "AIDAALICE", dev.now());
    String id = new IdGenerator().accessKeyId(IdPrefix.AKIA, dev.accountId());
    AccessKey key = new AccessKey(id, "s", alice, dev.now());
    dev.addAccessKey(key);
    Accounts.KeyHolder holder = state.accounts().holderOfKey(id);
    assertThat(holder.account()).isSameAs(dev);
    assertThat(holder.credential()).isSameAs(key);
    assertThat(state.accountOf(id, key, "us-east-1")).isSameAs(dev);
    dev.removeAccessKey(id);
    assertThat(state.accounts().holderOfKey(id)).isNull();
    assertThat(state.accountOf(id, key, "us-east-1")).isNull(); // deleted since it signed
  }

  @Test
  void theSameAccountNumberInTwoPartitionsLeadsEachKeyToItsOwnAccount() {
    AccountState dev = state.account(Partition.AWS, "111111111111");
    AccountState devChina = state.account(Partition.AWS_CN, "111111111111");
    IdGenerator ids = new IdGenerator();
    String global = ids.accessKeyId(IdPrefix.AKIA, dev.accountId());
    String china = ids.accessKeyId(IdPrefix.AKIA, devChina.accountId());
    AccessKey globalKey = new AccessKey(global, "s", null, dev.now());
    AccessKey chinaKey = new AccessKey(china, "s", null, devChina.now());
    dev.addAccessKey(globalKey);
    devChina.addAccessKey(chinaKey);
    // Asked in turns, so that each is asked right after the other account was found.
    for (int i = 0; i < 2; i++) {
      assertThat(state.accounts().holderOfKey(global).account()).isSameAs(dev);
      assertThat(state.accounts().holderOfKey(china).account()).isSameAs(devChina);
      assertThat(state.accounts().holderOfKey(china).credential()).isSameAs(chinaKey);
    }
    devChina.removeAccessKey(china);
    assertThat(state.accounts().holderOfKey(china)).isNull();
    assertThat(state.accounts().holderOfKey(global).credential()).isSameAs(globalKey);
  }

  @Test
  void sessionsAreIndexedInTheirAccount() {
    AccountState dev = state.account(Partition.AWS, "111111111111");
    String id = Sessions.newAccessKeyId(dev);
    Sessions.of(dev)
        .add(
            Session.builder(Session.Kind.FEDERATED_USER, dev.partition(), dev.accountId())
                .federatedUser(null, "bob")
                .credentials(id, "secret", new byte[32])
                .validity(dev.now(), dev.now().plusSeconds(900))
                .build());
    assertThat(state.accounts().ownerOfKey(id)).isSameAs(dev);
    assertThat(state.accounts().holderOfKey(id).credential()).isSameAs(Sessions.of(dev).get(id));
  }

  @Test
  void resetWipesEveryAccountAndTheIndex() {
    AccountState dev = state.account(Partition.AWS, "111111111111");
    dev.addAccessKey(new AccessKey("AKIAEXAMPLEKEY000002", "s", null, dev.createDate()));
    AccountState before = state.account();
    state.reset();
    assertThat(state.accounts().all()).hasSize(1);
    assertThat(state.account()).isNotSameAs(before);
    assertThat(state.accounts().ownerOfKey("AKIAEXAMPLEKEY000002")).isNull();
    assertThat(state.accounts().holds(dev)).isFalse();
  }

  @Test
  void keysIssuedHereEncodeTheirAccountAsAwsDoes() {
    IdGenerator ids = new IdGenerator();
    for (String account :
        new String[] {"000000000001", "111111111111", "999999999999", "609629065308"}) {
      String id = ids.accessKeyId(IdPrefix.ASIA, account);
      assertThat(id).hasSize(20).startsWith("ASIA").matches("[A-Z2-7]+");
      assertThat(decodedAccount(id)).isEqualTo(account);
    }
    // The example of the published analyses: ASIAY34FZKBOKMUTVV7A belongs to 609629065308.
    assertThat(decodedAccount("ASIAY34FZKBOKMUTVV7A")).isEqualTo("609629065308");
    // Not an account number: a plain random key.
    assertThat(ids.accessKeyId(IdPrefix.AKIA, "not-an-account")).hasSize(20).startsWith("AKIA");
  }

  /** Bits 1 to 40 of the Base32-decoded ID after its prefix. */
  private static String decodedAccount(String keyId) {
    byte[] b = Base32.decode(keyId.substring(4));
    long z = 0;
    for (int i = 0; i < 6; i++) {
      z = (z << 8) | (b[i] & 0xff);
    }
    return String.format("%012d", (z & 0x7fffffffff80L) >>> 7);
  }
}
