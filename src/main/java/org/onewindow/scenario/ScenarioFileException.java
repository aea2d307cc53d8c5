package org.onewindow.scenario;

/** A scenario file that cannot be read; the message names the file and where. */
public class ScenarioFileException extends RuntimeException {

    public ScenarioFileException(String message) {
        super(message);
    }
}
