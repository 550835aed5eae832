package dev.strangler.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.strangler.rules.routing.RouteTable;
import dev.strangler.rules.yaml.RuleSetLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** route-rules is the pure core: the proxy depends on it, and it on no framework or cloud SDK. */
class RouteRulesPurityTest {

  static JavaClasses mainClasses;

  @BeforeAll
  static void importMainClasses() {
    mainClasses =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.strangler.rules");
  }

  @Test
  void mainClassesDependOnNoFrameworkAndNoCloudSdk() {
    assertThat(mainClasses.contain(RuleSetLoader.class)).isTrue();
    assertThat(mainClasses.contain(RouteTable.class)).isTrue();

    mustNotDependOn("org.springframework..", "reactor..", "io.netty..", "software.amazon..")
        .check(mainClasses);
  }

  @Test
  void theGuardNoticesADependency() {
    assertThatThrownBy(() -> mustNotDependOn("org.yaml..").check(mainClasses))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("RuleSetLoader");
  }

  private static ArchRule mustNotDependOn(String... packages) {
    return noClasses()
        .that()
        .resideInAPackage("dev.strangler.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages)
        .because("route-rules must stay usable without Spring, Reactor, Netty or the AWS SDK");
  }
}
