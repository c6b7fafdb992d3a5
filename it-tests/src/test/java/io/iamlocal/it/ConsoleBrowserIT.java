package io.iamlocal.it;

import static io.iamlocal.it.StsTestSupport.policy;
import static io.iamlocal.it.StsTestSupport.trust;
import static io.iamlocal.it.StsTestSupport.userArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The web console in a real browser: Debian's headless Chromium, driven through its chromedriver
 * (never a downloaded one), looking at what a person would see after the AWS SDK seeded the
 * account. Skipped when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing. With
 * {@code -Diamlocal.screenshots=DIR} it saves a PNG of each page it checks.
 */
class ConsoleBrowserIT extends WireTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String READ_S3 =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReadObjects\",\"Effect\":\"Allow\","
          + "\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":\"*\"}]}";
  private static final String DENY_DELETES =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
          + "\"Action\":\"iam:Delete*\",\"Resource\":\"*\"}]}";

  /** Markup in a description (IAM allows it) must show as text, never as HTML. */
  private static final String ROLE_DESCRIPTION =
      "The application <img src=x onerror=document.title='pwned'>";

  private static Path profile;
  private static ChromeDriver browser;
  private static WebDriverWait wait;

  @BeforeAll
  static void startBrowser() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
    profile = Files.createTempDirectory("iamlocal-console-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile,
        "--window-size=1400,1000");
    // An explicit driver and browser binary: Selenium Manager is never asked to find or download
    // either.
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    // Pages re-render their main element when data arrives: a wait that read an element just
    // replaced retries.
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @Test
  void aPersonBrowsesUsersAUserAndItsPolicy() {
    AccessKey aliceKey = seedAccount();
    open("");
    waitForPage("/users");
    List<String> names =
        browser.findElements(By.cssSelector("#user-table tbody tr td:first-child")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(names).containsExactly("alice", "bob");
    assertThat(row("#user-table", "alice").getText()).contains("developers").contains("team = red");
    assertThat(navCount("users")).isEqualTo("2");
    screenshot("users");

    row("#user-table", "alice").findElement(By.linkText("alice")).click();
    waitForPage("/users/alice");
    assertThat(text("#entity-name")).isEqualTo("alice");
    assertThat(text("#user-groups")).isEqualTo("developers");
    assertThat(text("#attached-policies")).contains("s3-reader");
    assertThat(text("#user-keys")).contains(aliceKey.accessKeyId()).contains("Active");
    assertThat(text(".inline-policy[data-name='no-deletes'] pre")).contains("\"Effect\": \"Deny\"");
    assertThat(browser.getPageSource()).doesNotContain(aliceKey.secretAccessKey());
    screenshot("user");

    browser
        .findElement(By.cssSelector("#attached-policies"))
        .findElement(By.linkText("s3-reader"))
        .click();
    waitForPage("/policies/");
    assertThat(text("#entity-name")).isEqualTo("s3-reader");
    assertThat(text("#policy-document"))
        .isEqualTo(
            """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "ReadObjects",
              "Effect": "Allow",
              "Action": [
                "s3:GetObject",
                "s3:ListBucket"
              ],
              "Resource": "*"
            }
          ]
        }""");
    assertThat(text("#policy-attachments")).contains("User: alice").contains("Role: app");
    screenshot("policy");
  }

  @Test
  void aPersonReadsARolesTrustPolicyAndItsSessions() {
    AccessKey aliceKey = seedAccount();
    Credentials session;
    try (StsClient stsAsAlice = Clients.sts(endpoint(), credentialsOf(aliceKey))) {
      session =
          stsAsAlice
              .assumeRole(
                  r ->
                      r.roleArn("arn:aws:iam::123456789012:role/app")
                          .roleSessionName("nightly-build"))
              .credentials();
    }
    open("#/roles");
    waitForPage("/roles");
    assertThat(row("#role-table", "app").getText()).contains(ROLE_DESCRIPTION);
    assertThat(browser.findElements(By.cssSelector("#main img"))).isEmpty();
    row("#role-table", "app").findElement(By.linkText("app")).click();
    waitForPage("/roles/app");
    assertThat(text("#trust-policy"))
        .contains("\"Principal\": {\n        \"AWS\": \"arn:aws:iam::123456789012:user/alice\"")
        .contains("\"sts:AssumeRole\"");
    assertThat(text("#role-sessions"))
        .contains(session.accessKeyId())
        .contains("assumed-role/app/nightly-build")
        .contains("active");
    screenshot("role");

    browser.findElement(By.cssSelector("#nav a[data-section='sessions']")).click();
    waitForPage("/sessions");
    assertThat(text("#session-table")).contains(session.accessKeyId());
    browser.findElement(By.cssSelector("#nav a[data-section='access-keys']")).click();
    waitForPage("/access-keys");
    assertThat(text("#key-table")).contains(aliceKey.accessKeyId()).contains("root user");
    String page = browser.getPageSource();
    assertThat(page).doesNotContain(aliceKey.secretAccessKey());
    browser.findElement(By.cssSelector("#nav a[data-section='sessions']")).click();
    waitForPage("/sessions");
    assertThat(browser.getPageSource())
        .doesNotContain(session.secretAccessKey())
        .doesNotContain(session.sessionToken());
  }

  @Test
  void aPersonSimulatesPoliciesWithTheForm() {
    seedAccount();
    open("#/users/alice");
    waitForPage("/users/alice");
    browser.findElement(By.partialLinkText("Simulate this user")).click();
    waitForPage("/simulator");
    assertThat(
            new Select(browser.findElement(By.id("sim-source"))).getFirstSelectedOption().getText())
        .isEqualTo("alice");
    browser
        .findElement(By.id("sim-actions"))
        .sendKeys("s3:GetObject, ec2:RunInstances\niam:DeleteUser");
    browser.findElement(By.id("sim-run")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sim-result-table")));
    assertThat(decision("s3:GetObject")).isEqualTo("allowed");
    assertThat(decision("ec2:RunInstances")).isEqualTo("implicitDeny");
    assertThat(decision("iam:DeleteUser")).isEqualTo("explicitDeny");
    assertThat(row("#sim-result-table", "s3:GetObject", "data-action").getText())
        .contains("s3-reader");
    screenshot("simulator");

    browser.findElement(By.id("sim-mode-custom")).click();
    assertThat(browser.findElement(By.id("sim-source")).isDisplayed()).isFalse();
    browser.findElement(By.id("sim-policy")).sendKeys(policy("dynamodb:GetItem", "*"));
    WebElement actions = browser.findElement(By.id("sim-actions"));
    actions.clear();
    actions.sendKeys("dynamodb:GetItem, dynamodb:PutItem");
    browser.findElement(By.id("sim-run")).click();
    wait.until(
        driver ->
            driver
                    .findElements(
                        By.cssSelector("#sim-result-table tr[data-action='dynamodb:GetItem']"))
                    .size()
                == 1);
    assertThat(decision("dynamodb:GetItem")).isEqualTo("allowed");
    assertThat(decision("dynamodb:PutItem")).isEqualTo("implicitDeny");

    browser.findElement(By.id("sim-policy")).sendKeys("not json");
    browser.findElement(By.id("sim-run")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sim-results .error")));
    assertThat(text("#sim-results .error")).contains("InvalidInput");
  }

  @Test
  void aPersonBrowsesTheOtherEntitiesAndSearches() {
    seedAccount();
    iam.createInstanceProfile(r -> r.instanceProfileName("web-profile"));
    iam.addRoleToInstanceProfile(r -> r.instanceProfileName("web-profile").roleName("app"));
    iam.createOpenIDConnectProvider(
        r ->
            r.url("https://token.actions.githubusercontent.com")
                .clientIDList("sts.amazonaws.com")
                .thumbprintList("6938fd4d98bab03faadb97b34396831e3780aea1"));
    iam.createSAMLProvider(
        r ->
            r.name("Corp-IdP")
                .samlMetadataDocument(
                    SamlProvidersIT.metadata(
                        "https://idp.example.com/saml", "2031-05-06T07:08:09Z")));
    VirtualMFADevice mfa =
        iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("alice-phone")).virtualMFADevice();
    KeyPair keys = TestCertificates.rsa(2048);
    X509Certificate certificate =
        TestCertificates.selfSigned(keys, "www.example.com", Duration.ofDays(30));
    String privateKey = TestCertificates.pem(keys.getPrivate());
    iam.uploadServerCertificate(
        r ->
            r.serverCertificateName("www")
                .certificateBody(TestCertificates.pem(certificate))
                .privateKey(privateKey));
    String signingId =
        iam.uploadSigningCertificate(
                r -> r.userName("alice").certificateBody(TestCertificates.pem(certificate)))
            .certificate()
            .certificateId();
    iam.updateAccountPasswordPolicy(
        r -> r.minimumPasswordLength(14).requireSymbols(true).maxPasswordAge(90));

    open("#/users");
    waitForPage("/users");
    browser.findElement(By.cssSelector("#nav a[data-section='instance-profiles']")).click();
    waitForPage("/instance-profiles");
    assertThat(row("#instance-profile-table", "web-profile").getText()).contains("app");
    assertThat(navCount("instance-profiles")).isEqualTo("1");
    screenshot("instance-profiles");

    browser.findElement(By.cssSelector("#nav a[data-section='identity-providers']")).click();
    waitForPage("/identity-providers");
    assertThat(
            row(
                    "#oidc-table",
                    "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com")
                .getText())
        .contains("sts.amazonaws.com");
    assertThat(row("#saml-table", "Corp-IdP").getText()).contains("https://idp.example.com/saml");
    screenshot("identity-providers");

    browser.findElement(By.cssSelector("#nav a[data-section='mfa-devices']")).click();
    waitForPage("/mfa-devices");
    assertThat(row("#mfa-table", mfa.serialNumber()).getText()).contains("unassigned");
    assertThat(browser.getPageSource()).doesNotContain(mfa.base32StringSeed().asUtf8String());

    browser.findElement(By.cssSelector("#nav a[data-section='certificates']")).click();
    waitForPage("/certificates");
    assertThat(row("#server-cert-table", "www").getText()).contains("/");
    assertThat(row("#signing-cert-table", signingId).getText())
        .contains("alice")
        .contains("Active");
    assertThat(browser.getPageSource())
        .doesNotContain(privateKey.lines().skip(1).findFirst().orElseThrow());
    screenshot("certificates");

    browser.findElement(By.cssSelector("#nav a[data-section='password-policy']")).click();
    waitForPage("/password-policy");
    assertThat(text("#password-policy"))
        .contains("Minimum length\n14")
        .contains("Requires symbols\nyes")
        .contains("90 days");

    WebElement search = browser.findElement(By.id("search"));
    search.sendKeys("IAMReadOnly", Keys.ENTER);
    waitForPage("/search");
    assertThat(text("#search-policies")).contains("IAMReadOnlyAccess").contains("AWS managed");
    search.clear();
    search.sendKeys("ap", Keys.ENTER);
    wait.until(
        driver -> driver.findElement(By.cssSelector("#main h1")).getText().equals("Search: ap"));
    assertThat(text("#search-roles")).isEqualTo("app");
    assertThat(browser.findElements(By.cssSelector("#search-users li"))).isEmpty();
    screenshot("search");
    browser.findElement(By.cssSelector("#search-roles")).findElement(By.linkText("app")).click();
    waitForPage("/roles/app");
    assertThat(text("#entity-name")).isEqualTo("app");
  }

  /**
   * Alice (tagged, one key, in a group, a customer policy and an inline deny), Bob, and a role
   * alice may assume.
   */
  private AccessKey seedAccount() {
    iam.createUser(r -> r.userName("alice").tags(t -> t.key("team").value("red")));
    iam.createUser(r -> r.userName("bob"));
    AccessKey key = iam.createAccessKey(r -> r.userName("alice")).accessKey();
    iam.createGroup(r -> r.groupName("developers"));
    iam.addUserToGroup(r -> r.groupName("developers").userName("alice"));
    String policyArn =
        iam.createPolicy(r -> r.policyName("s3-reader").policyDocument(READ_S3)).policy().arn();
    iam.attachUserPolicy(r -> r.userName("alice").policyArn(policyArn));
    iam.putUserPolicy(
        r -> r.userName("alice").policyName("no-deletes").policyDocument(DENY_DELETES));
    iam.createRole(
        r ->
            r.roleName("app")
                .assumeRolePolicyDocument(trust(userArn("alice")))
                .description(ROLE_DESCRIPTION));
    iam.attachRolePolicy(r -> r.roleName("app").policyArn(policyArn));
    return key;
  }

  private void open(String fragment) {
    browser.get(endpoint() + "/_iamlocal/" + fragment);
  }

  /** Waits until the page for {@code route} (a prefix of the hash path) has rendered. */
  private void waitForPage(String route) {
    wait.until(
        driver -> {
          String loaded = driver.findElement(By.id("main")).getAttribute("data-loaded");
          return loaded != null && loaded.startsWith(route);
        });
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  private WebElement row(String table, String name) {
    return row(table, name, "data-name");
  }

  private WebElement row(String table, String name, String attribute) {
    return browser.findElement(
        By.cssSelector(table + " tbody tr[" + attribute + "='" + name + "']"));
  }

  private String decision(String action) {
    return row("#sim-result-table", action, "data-action")
        .findElement(By.cssSelector(".decision"))
        .getText();
  }

  private String navCount(String section) {
    wait.until(
        driver ->
            !driver
                .findElement(By.cssSelector("#nav a[data-section='" + section + "'] .count"))
                .getText()
                .isEmpty());
    return text("#nav a[data-section='" + section + "'] .count");
  }

  private void screenshot(String name) {
    String dir = System.getProperty("iamlocal.screenshots");
    if (dir == null || dir.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(Path.of(dir));
      Files.write(Path.of(dir, name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
