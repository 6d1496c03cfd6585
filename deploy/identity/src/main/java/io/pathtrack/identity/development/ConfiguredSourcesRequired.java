package io.pathtrack.identity.development;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Outside the {@code local} profile the seeded users and secrets do not exist, and the server does not
 * start without clients and users of another source: it fails at once, saying so, rather than later with a
 * missing bean, or running with nobody able to sign in. Checked on the bean definitions, before any is created.
 */
@Component
@Profile("!" + DevelopmentSeed.PROFILE)
class ConfiguredSourcesRequired implements BeanFactoryPostProcessor {
  static final String MESSAGE = "The seeded development users and secrets are only available with the local"
      + " profile (--spring.profiles.active=local). Otherwise configure the OAuth clients"
      + " (spring.security.oauth2.authorizationserver.client.*, or a RegisteredClientRepository bean) and a"
      + " UserDetailsService or AuthenticationProvider bean, or use the hospital's identity provider"
      + " (deploy/keycloak/README.md).";

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) {
    boolean clients = defines(beans, RegisteredClientRepository.class);
    boolean users = defines(beans, UserDetailsService.class) || defines(beans, AuthenticationProvider.class);
    if (!clients || !users) {
      throw new IllegalStateException(MESSAGE);
    }
  }

  private static boolean defines(ConfigurableListableBeanFactory beans, Class<?> type) {
    return beans.getBeanNamesForType(type, true, false).length > 0;
  }
}
