package io.paddock.examples.demo;

import io.paddock.recipes.config.ConfigChange;
import io.paddock.recipes.config.ConfigPublisher;
import io.paddock.recipes.config.ConfigSubscriber;
import io.paddock.recipes.config.ValueCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Config pub/sub: the operator publishes a change and every app's subscriber sees it. */
final class ConfigChapter implements TourChapter {
  static final String CONFIG_PATH = "/demo/config";
  static final String KEY = "search.enabled";

  @Override
  public String title() {
    return "Config watch";
  }

  @Override
  public String shows() {
    return "The operator publishes settings under "
        + CONFIG_PATH
        + " (ConfigPublisher); each app\n"
        + "follows them with a ConfigSubscriber and is told every change, with old and new value.";
  }

  @Override
  public void play(TourStage stage, Narrator narrator) throws Exception {
    ConfigPublisher<String> publisher =
        new ConfigPublisher<>(stage.operator(), CONFIG_PATH, ValueCodec.string());
    publisher.publish(KEY, "false");
    List<ConfigSubscriber<String>> subscribers = new ArrayList<>();
    CountDownLatch allSeen = new CountDownLatch(TourStage.APPS);
    long[] publishedAt = new long[1];
    try {
      for (int app = 1; app <= TourStage.APPS; app++) {
        String name = TourStage.appName(app);
        ConfigSubscriber<String> subscriber =
            new ConfigSubscriber<>(stage.app(app), CONFIG_PATH, ValueCodec.string());
        subscriber.addListener(
            change -> {
              if (isTheFlip(change)) {
                narrator.happened(
                    "%s is told: %s changed from %s to %s (%d ms after publishing)",
                    name,
                    change.key(),
                    change.oldValue().orElse("nothing"),
                    change.newValue().orElse("nothing"),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - publishedAt[0]));
                allSeen.countDown();
              }
            });
        subscribers.add(subscriber);
        subscriber.start();
        if (!subscriber.awaitInitialized(TourStage.WAIT)) {
          throw new TourCheckFailed(name + "'s subscriber to read the config");
        }
      }
      narrator.happened("every app reads %s = %s", KEY, subscribers.get(0).get(KEY).orElse("?"));
      publishedAt[0] = System.nanoTime();
      publisher.publish(KEY, "true");
      narrator.happened("the operator publishes %s = true", KEY);
      narrator.check(
          allSeen.await(TourStage.WAIT.toSeconds(), TimeUnit.SECONDS),
          "every app was told of the change");
      boolean agree = true;
      for (ConfigSubscriber<String> subscriber : subscribers) {
        Map<String, String> snapshot = subscriber.snapshot();
        agree &= "true".equals(snapshot.get(KEY));
      }
      narrator.check(agree, "every app now reads " + KEY + " = true");
    } finally {
      subscribers.forEach(ConfigSubscriber::close);
    }
  }

  private static boolean isTheFlip(ConfigChange<String> change) {
    return change.key().equals(KEY)
        && change.oldValue().equals(Optional.of("false"))
        && change.newValue().equals(Optional.of("true"));
  }
}
