package dev.strangler.functions.shop.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  @Test
  void readsTheMonolithsVariables() {
    DatabaseSettings settings =
        DatabaseSettings.fromEnvironment(
            Map.of(
                "DB_URL", "jdbc:postgresql://db:5432/shop",
                "DB_USER", "shop",
                "DB_PASSWORD", "secret"));

    assertThat(settings)
        .isEqualTo(new DatabaseSettings("jdbc:postgresql://db:5432/shop", "shop", "secret"));
  }

  @Test
  void fallsBackToTheDemosH2ServerForUnsetOrEmptyVariables() {
    DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of("DB_USER", ""));

    assertThat(settings.url()).isEqualTo("jdbc:h2:tcp://127.0.0.1:9092/mem:shop");
    assertThat(settings.user()).isEqualTo("sa");
    assertThat(settings.password()).isEmpty();
  }

  @Test
  void neverPrintsThePassword() {
    assertThat(new DatabaseSettings("jdbc:h2:mem:x", "sa", "secret").toString())
        .doesNotContain("secret");
  }

  @Test
  void rejectsAUrlThatIsNotJdbc() {
    assertThatThrownBy(
            () -> DatabaseSettings.fromEnvironment(Map.of("DB_URL", "postgres://db:5432/shop")))
        .hasMessage("DB_URL must be a JDBC URL (jdbc:...), but was 'postgres://db:5432/shop'");
  }
}
