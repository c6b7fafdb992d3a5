package io.iamlocal.server.state;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.crypto.Pem;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The SAML providers of an account by name, with CreateSAMLProvider's and UpdateSAMLProvider's
 * rules, and the lookup by ARN that AssumeRoleWithSAML needs ({@link #byArn}).
 */
public final class SamlProviders {
  /** "SAML providers in an AWS account: 100" (IAM quotas page). */
  public static final int PROVIDERS_PER_ACCOUNT = 100;

  /**
   * GetSAMLProvider's PrivateKeyList holds at most two keys (model {@code privateKeyList} max 2).
   */
  public static final int PRIVATE_KEYS_PER_PROVIDER = 2;

  private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

  /**
   * {@code arn:PARTITION:iam::ACCOUNT:saml-provider/}: every provider ARN of the account starts so.
   */
  private final String arnPrefix;

  private final NamedStore<SamlProvider> store = new NamedStore<>(SamlProvider::name);

  private SamlProviders(AccountState account) {
    this.arnPrefix = Arns.iamPrefix(account.partition(), account.accountId()) + "saml-provider/";
  }

  public static SamlProviders of(AccountState account) {
    return account.extension(SamlProviders.class, SamlProviders::new);
  }

  /** Name order. */
  public Collection<SamlProvider> values() {
    return store.values();
  }

  /** What CreateSAMLProvider and UpdateSAMLProvider were given; absent members are null. */
  public record Settings(
      String metadataDocument,
      String assertionEncryptionMode,
      String addPrivateKey,
      String removePrivateKey) {}

  public SamlProvider create(String name, Settings settings, IdGenerator ids, Instant now) {
    if (store.contains(name)) {
      throw AwsServiceException.alreadyExists("SAMLProvider " + name + " already exists.");
    }
    if (store.size() >= PROVIDERS_PER_ACCOUNT) {
      throw AwsServiceException.limitExceeded(
          "Cannot exceed quota for SAMLProvidersPerAccount: " + PROVIDERS_PER_ACCOUNT);
    }
    SamlMetadata metadata = parse(settings.metadataDocument());
    SamlProvider provider =
        new SamlProvider(
            name,
            arnPrefix + name,
            ids.randomChars(ID_ALPHABET, 26),
            settings.metadataDocument(),
            metadata,
            now);
    applyKeysAndMode(provider, settings, ids, now);
    store.put(provider);
    return provider;
  }

  public SamlProvider update(String arn, Settings settings, IdGenerator ids, Instant now) {
    SamlProvider provider = require(arn);
    SamlMetadata metadata =
        settings.metadataDocument() == null ? null : parse(settings.metadataDocument());
    applyKeysAndMode(provider, settings, ids, now);
    if (metadata != null) {
      provider.setMetadata(settings.metadataDocument(), metadata);
    }
    return provider;
  }

  /**
   * Removes, then adds a private key, then sets the mode; all checked before anything changes.
   * Required mode needs a key to decrypt with.
   */
  private static void applyKeysAndMode(
      SamlProvider provider, Settings settings, IdGenerator ids, Instant now) {
    List<SamlProvider.PrivateKeyEntry> keys = new java.util.ArrayList<>(provider.privateKeys());
    if (settings.removePrivateKey() != null
        && !keys.removeIf(k -> k.keyId().equals(settings.removePrivateKey()))) {
      throw AwsServiceException.invalidInput(
          "The private key with KeyId " + settings.removePrivateKey() + " does not exist.");
    }
    if (settings.addPrivateKey() != null) {
      if (keys.size() >= PRIVATE_KEYS_PER_PROVIDER) {
        throw AwsServiceException.limitExceeded(
            "Cannot exceed quota for PrivateKeysPerSAMLProvider: " + PRIVATE_KEYS_PER_PROVIDER);
      }
      PrivateKey key;
      try {
        key = Pem.privateKey(settings.addPrivateKey());
      } catch (Pem.InvalidPemException e) {
        throw AwsServiceException.invalidInput(
            "Could not parse the private key. It must be an unencrypted PEM private key.");
      }
      keys.add(new SamlProvider.PrivateKeyEntry(ids.randomChars(ID_ALPHABET, 26), now, key));
    }
    String mode =
        settings.assertionEncryptionMode() == null
            ? provider.assertionEncryptionMode()
            : settings.assertionEncryptionMode();
    if (mode.equals("Required") && keys.isEmpty()) {
      throw AwsServiceException.invalidInput(
          "A private key is required when AssertionEncryptionMode is Required.");
    }
    provider.mutablePrivateKeys().clear();
    provider.mutablePrivateKeys().addAll(keys);
    provider.setAssertionEncryptionMode(mode);
  }

  private static SamlMetadata parse(String document) {
    try {
      return SamlMetadata.parse(document);
    } catch (SamlMetadata.InvalidMetadataException e) {
      throw AwsServiceException.invalidInput("Could not parse metadata");
    }
  }

  /** The provider with this ARN in this account, or null: the lookup for AssumeRoleWithSAML. */
  public SamlProvider byArn(String arn) {
    if (arn == null || !arn.startsWith(arnPrefix)) {
      return null;
    }
    SamlProvider provider = store.get(arn.substring(arnPrefix.length()));
    return provider != null && provider.arn().equals(arn) ? provider : null;
  }

  /** The provider with this ARN; unknown is NoSuchEntity with AWS's recorded text. */
  public SamlProvider require(String arn) {
    SamlProvider provider = byArn(arn);
    if (provider == null) {
      throw AwsServiceException.noSuchEntity("Manifest not found for arn " + arn);
    }
    return provider;
  }

  public void delete(String arn) {
    store.remove(require(arn).name());
  }
}
