package io.iamlocal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.protocol.xml.XmlText;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for what the XML fuzz target found: characters XML 1.0 cannot carry must be
 * dropped.
 */
class XmlTextTest {

  @Test
  void dropsNonCharactersAndLoneSurrogatesButKeepsPairs() {
    assertThat(XmlText.escape("a\uFFFFb\uFFFEc")).isEqualTo("abc");
    assertThat(XmlText.escape("x\uD800y\uDC00z")).isEqualTo("xyz");
    assertThat(XmlText.escape("end\uD83D")).isEqualTo("end");
    assertThat(XmlText.escape("smile \uD83D\uDE00")).isEqualTo("smile \uD83D\uDE00");
    assertThat(XmlText.escape("\uFFFD\uD7FF\uE000")).isEqualTo("\uFFFD\uD7FF\uE000");
  }

  @Test
  void escapesMarkupAndKeepsWhitespace() {
    assertThat(XmlText.escape("<a href=\"x\">&</a>\r\n\t\u0001"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;&#13;\n\t");
  }
}
