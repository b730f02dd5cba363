package planted;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Planted: a password-reset token hashed with MD5 (FindSecBugs' WEAK_MESSAGE_DIGEST_MD5, high). */
public final class ResetToken {

    private ResetToken() {
    }

    public static String digest(String token) throws NoSuchAlgorithmException {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        return HexFormat.of().formatHex(md5.digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
