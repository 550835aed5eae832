package dev.strangler.rules.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathCanonicalizerTest {

  @ParameterizedTest(name = "{0} matches as {1} and is forwarded as {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          # plain paths stay as they are
          /                                | /                | /
          /a                               | /a               | /a
          /a/b/c                           | /a/b/c           | /a/b/c
          /A/B                             | /A/B             | /A/B
          /a:b@c!$&'()*+,=                 | /a:b@c!$&'()*+,= | /a:b@c!$&'()*+,=
          /-._~                            | /-._~            | /-._~
          # a trailing slash is significant and kept
          /a/                              | /a/              | /a/
          /a/b/                            | /a/b/            | /a/b/
          # duplicate slashes merge
          //                               | /                | /
          //a                              | /a               | /a
          /a//b                            | /a/b             | /a/b
          /a///b//                         | /a/b/            | /a/b/
          # dot segments resolve as in RFC 3986
          /.                               | /                | /
          /./a                             | /a               | /a
          /a/./b                           | /a/b             | /a/b
          /a/.                             | /a/              | /a/
          /a/b/./                          | /a/b/            | /a/b/
          /a/..                            | /                | /
          /a/b/..                          | /a/              | /a/
          /a/b/../                         | /a/              | /a/
          /a/b/../c                        | /a/c             | /a/c
          /a/b/../../c                     | /c               | /c
          /a/../b/./c/..                   | /b/              | /b/
          /a/b//../c                       | /a/c             | /a/c
          # names that only look like dot segments are literals
          /...                             | /...             | /...
          /a/.../b                         | /a/.../b         | /a/.../b
          /..a                             | /..a             | /..a
          /a..                             | /a..             | /a..
          /.a/                             | /.a/             | /.a/
          /%2e%2e%2e                       | /...             | /...
          /a%2eb                           | /a.b             | /a.b
          # matrix parameters: ignored for matching, kept when forwarding
          /api;v=2/products                | /api/products    | /api;v=2/products
          /api/products;jsessionid=ABC     | /api/products    | /api/products;jsessionid=ABC
          /a;x=1;y=2/b                     | /a/b             | /a;x=1;y=2/b
          /a;                              | /a               | /a;
          /a/;x                            | /a/              | /a/;x
          /;x/a                            | /a               | /a
          # a dot segment with matrix parameters is still a dot segment (Tomcat's /..;/ bypass)
          /public/..;/admin                | /admin           | /admin
          /public/..;jsessionid=x/admin    | /admin           | /admin
          /a/.;x=1/b                       | /a/b             | /a/b
          /a/b;x/..;y/c                    | /a/c             | /a/c
          # unreserved characters are decoded
          /%41                             | /A               | /A
          /%41%42%43                       | /ABC             | /ABC
          /%7e                             | /~               | /~
          /%7Euser                         | /~user           | /~user
          /%5f%2D                          | /_-              | /_-
          /a/%7a;x=%7a                     | /a/z             | /a/z;x=z
          # other percent-encodings are kept, with upper-case hex
          /%c3%a9                          | /%C3%A9          | /%C3%A9
          /caf%C3%A9                       | /caf%C3%A9       | /caf%C3%A9
          /a%20b                           | /a%20b           | /a%20b
          /a%25b                           | /a%25b           | /a%25b
          /a%252e                          | /a%252e          | /a%252e
          /a%3bb                           | /a%3Bb           | /a%3Bb
          /a%3Fb                           | /a%3Fb           | /a%3Fb
          /x/%7Bid%7D                      | /x/%7Bid%7D      | /x/%7Bid%7D
          /a%2b                            | /a%2B            | /a%2B
          """)
  void canonicalisesPathsThatServersReadOneWay(String raw, String match, String forward) {
    assertThat(PathCanonicalizer.canonicalize(raw)).isEqualTo(new CanonicalPath(match, forward));
  }

  @ParameterizedTest(name = "{0} is rejected: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          a/b                | path must start with '/', but was 'a/b'
          *                  | path must start with '/'
          http://h/a         | path must start with '/'
          # climbing above the root
          /..                | path climbs above the root with '..'
          /../a              | path climbs above the root
          /a/../..           | path climbs above the root
          /a/../../b         | path climbs above the root
          /..;x              | path climbs above the root
          /a/..;/..;/        | path climbs above the root
          # encoded slash and backslash
          /a%2Fb             | encoded '/' (%2F) in the path
          /a%2fb             | encoded '/' (%2f) in the path
          /a/b;x=%2F         | encoded '/' (%2F) in the path
          /a%5Cb             | encoded '\\' (%5C) in the path
          /a%5cb             | encoded '\\' (%5c) in the path
          /a\\b              | '\\' in the path
          /..\\a             | '\\' in the path
          # encoded dot segments
          /%2e               | encoded dot segment '%2e' in the path
          /%2E/a             | encoded dot segment '%2E'
          /a/%2e%2e/b        | encoded dot segment '%2e%2e'
          /a/.%2E/b          | encoded dot segment '.%2E'
          /a/%2e.            | encoded dot segment '%2e.'
          /a/%2e%2e;x/b      | encoded dot segment '%2e%2e;x'
          /a/%2E;x           | encoded dot segment '%2E;x'
          # encoded control characters
          /a%00              | encoded control character (%00) in the path
          /a%0a              | encoded control character (%0a)
          /a%0D%0A           | encoded control character (%0D)
          /a%1f              | encoded control character (%1f)
          /a%7F              | encoded control character (%7F)
          /a;x=%00           | encoded control character (%00)
          # invalid percent-encoding
          /a%                | invalid percent-encoding '%'
          /a%4               | invalid percent-encoding '%4'
          /a%zz              | invalid percent-encoding '%zz'
          /a%g1/b            | invalid percent-encoding '%g1'
          /%%41              | invalid percent-encoding '%%4'
          /a%-1              | invalid percent-encoding '%-1'
          # characters that must be percent-encoded
          "/a b"             | character ' ' in the path; it must be percent-encoded
          /a"b               | character '\"' in the path
          /a<b>              | character '<' in the path
          /a^b               | character '^' in the path
          /a`b               | character '`' in the path
          /a{b}              | character '{' in the path
          "/a|b"             | character '|' in the path
          /a#frag            | character '#' in the path
          /a?q=1             | character '?' in the path
          /a[0]              | character '[' in the path
          """)
  void rejectsPathsThatServersReadDifferently(String raw, String detail) {
    assertThat(PathCanonicalizer.canonicalize(raw))
        .isInstanceOfSatisfying(
            PathCanonicalizer.Invalid.class,
            invalid -> assertThat(invalid.detail()).contains(detail));
  }

  @ParameterizedTest(name = "raw control character {index} is rejected")
  @ValueSource(strings = {"/a\u0000b", "/a\tb", "/a\nb", "/a\rb", "/a\u001Fb", "/a\u007Fb"})
  void rejectsRawControlCharacters(String raw) {
    assertThat(PathCanonicalizer.canonicalize(raw))
        .isInstanceOfSatisfying(
            PathCanonicalizer.Invalid.class,
            invalid ->
                assertThat(invalid.detail())
                    .matches("control character U\\+00[0-7][0-9A-F] in the path"));
  }

  @ParameterizedTest(name = "raw non-ASCII {index} is rejected")
  @ValueSource(strings = {"/caf\u00e9", "/\u202Eevil", "/\uD83D\uDE00", "/a/\uFF0E\uFF0E/b"})
  void rejectsRawNonAsciiCharacters(String raw) {
    assertThat(PathCanonicalizer.canonicalize(raw))
        .isInstanceOfSatisfying(
            PathCanonicalizer.Invalid.class,
            invalid -> assertThat(invalid.detail()).startsWith("non-ASCII character U+"));
  }

  @Test
  void rejectsTheEmptyPath() {
    assertThat(PathCanonicalizer.canonicalize(""))
        .isEqualTo(new PathCanonicalizer.Invalid("empty path"));
    assertThat(PathCanonicalizer.canonicalize(null))
        .isEqualTo(new PathCanonicalizer.Invalid("empty path"));
  }

  @Test
  void keepsTheRequestStringWhenItIsAlreadyCanonical() {
    String raw = "/api/products/42";
    CanonicalPath path = (CanonicalPath) PathCanonicalizer.canonicalize(raw);
    assertThat(path.matchPath()).isSameAs(raw);
    assertThat(path.forwardPath()).isSameAs(raw);
  }

  @Test
  void quotesLongOrUnprintableValuesInMessagesSafely() {
    String detail =
        ((PathCanonicalizer.Invalid) PathCanonicalizer.canonicalize("x\u0000" + "y".repeat(500)))
            .detail();
    assertThat(detail)
        .startsWith("path must start with '/', but was 'x\\u0000yyy")
        .endsWith("...'");
    assertThat(detail.length()).isLessThan(160);
  }
}
