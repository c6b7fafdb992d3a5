package io.iamlocal.junit5;

/** How long an IAMLocal server started by {@link IamLocalExtension} lives. */
public enum ServerLifecycle {
  /**
   * One server for all tests of a class, including its {@code @Nested} classes; started before
   * {@code @BeforeAll} methods and closed after {@code @AfterAll} methods.
   */
  PER_CLASS,
  /**
   * A fresh server for each test method, started when the test (or its {@code @BeforeEach} methods)
   * first asks for it and closed after its {@code @AfterEach} methods. Tests running concurrently
   * never share state.
   */
  PER_METHOD
}
