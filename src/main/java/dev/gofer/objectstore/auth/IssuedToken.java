package dev.gofer.objectstore.auth;

/** A token just created, with the secret that is shown this once and never again. */
public record IssuedToken(Token token, String secret) {

}
