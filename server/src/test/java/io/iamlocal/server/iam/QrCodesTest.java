package io.iamlocal.server.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {

  @Test
  void pngDecodesBackToTheOtpauthUri() throws Exception {
    String uri = MfaOperations.otpauthUri("alice phone", "123456789012", "JBSWY3DPEHPK3PXP");
    assertThat(uri).isEqualTo("otpauth://totp/alice%20phone@123456789012?secret=JBSWY3DPEHPK3PXP");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(uri)));
    String decoded =
        new QRCodeReader()
            .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
            .getText();
    assertThat(decoded).isEqualTo(uri);
  }
}
