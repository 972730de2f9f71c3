package io.paddock.examples.demo;

/** One chapter of the tour: a recipe family shown on the ensemble. */
interface TourChapter {
  /** The chapter's title. */
  String title();

  /** What the chapter shows, one or two sentences (lines split on newlines). */
  String shows();

  /**
   * Plays the chapter, telling the narrator what happens and checking that it should.
   *
   * @throws TourCheckFailed if something did not happen as it should
   */
  void play(TourStage stage, Narrator narrator) throws Exception;
}
