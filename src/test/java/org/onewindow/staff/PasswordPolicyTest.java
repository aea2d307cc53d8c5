package org.onewindow.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordPolicyTest {

    @TempDir
    Path dir;

    @Test
    void lengthsAreBytesNotCharacters() {
        assertNotNull(PasswordPolicy.problem("wang", "k9#vT2!mQ4z"), "11 bytes are too few");
        assertNull(PasswordPolicy.problem("wang", "窗口受理"), "4 Chinese characters are 12 bytes");
        assertNull(PasswordPolicy.problem("wang", "政务服务中心综合窗口受理系统的工作人员账号密码长"), "24 characters, 72 bytes");
        assertNotNull(PasswordPolicy.problem("wang", "政务服务中心综合窗口受理系统的工作人员账号密码长度"), "25 characters, 75 bytes");
    }

    @Test
    void commonPasswordsAndTheirDigitSuffixesAreRefused() {
        assertNotNull(PasswordPolicy.problem("admin", "12345678"));
        assertNotNull(PasswordPolicy.problem("wang", "password2024!"));
        assertNotNull(PasswordPolicy.problem("wang", "1q2w3e4r5t6y"));
        assertNotNull(PasswordPolicy.problem("wang", "woaini1314520"));
        assertNotNull(PasswordPolicy.problem("wang", "098765432109"));
        assertNotNull(PasswordPolicy.problem("wang.li", "wang.li-secret-2024"), "contains the user name");
        assertNull(PasswordPolicy.problem("wang", "tea-kettle-sunrise-42"));
    }

    @Test
    void theSessionKeyIsMadeOnceAndReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("data").resolve(SessionSecret.FILE);
        byte[] first = SessionSecret.persisted(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(new String(first), new String(SessionSecret.persisted(file)), "the same key after a restart");
    }
}
