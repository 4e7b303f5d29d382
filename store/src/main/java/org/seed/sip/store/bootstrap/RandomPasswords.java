package org.seed.sip.store.bootstrap;

import java.security.SecureRandom;

/**
 * Passwords for accounts the operator did not give one: 16 letters and digits (95 random bits). No
 * punctuation: a password that starts with '-' or holds '_' gets mistaken for an option or mistyped when
 * it is pasted into a shell command (sipsak -a) or a phone's keypad.
 */
final class RandomPasswords {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomPasswords() {
    }

    static String next() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
