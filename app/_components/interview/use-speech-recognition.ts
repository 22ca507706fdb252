"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { findSpeechRecognition, type SpeechRecognitionLike } from "./speech-types";

const noSubscription = () => () => {};

/** Why recognition stopped, in words a person can act on. */
const ERROR_MESSAGES: Record<string, string> = {
  "not-allowed": "Microphone access was refused. Allow the microphone for this site in the browser's settings, or type your answer.",
  "service-not-allowed": "This browser does not allow speech recognition here. Type your answer instead.",
  "audio-capture": "No microphone was found. Connect one, or type your answer.",
  network: "Speech recognition needs the browser's speech service, which could not be reached. Type your answer instead.",
  "no-speech": "No speech was heard. Press “Start speaking” and try again.",
};

export interface SpeechRecognitionControls {
  /** null until the page knows (the server cannot), then whether the browser can transcribe. */
  supported: boolean | null;
  listening: boolean;
  /** Starts transcribing; `onTranscript` gets the whole transcript so far each time it grows. */
  start: (handlers: { onTranscript: (text: string) => void; onError: (message: string) => void }) => void;
  stop: () => void;
  /** Speaking time recorded since the last call, in milliseconds; resets the count. */
  takeDuration: () => number;
}

/** Live transcription with the Web Speech API, recording how long the person spoke. */
export function useSpeechRecognition(): SpeechRecognitionControls {
  const supported = useSyncExternalStore(noSubscription, () => findSpeechRecognition() !== null, () => null);
  const [listening, setListening] = useState(false);
  const recognitionRef = useRef<SpeechRecognitionLike | null>(null);
  const startedAtRef = useRef<number | null>(null);
  const elapsedRef = useRef(0);

  const settle = useCallback(() => {
    if (startedAtRef.current !== null) elapsedRef.current += performance.now() - startedAtRef.current;
    startedAtRef.current = null;
    recognitionRef.current = null;
    setListening(false);
  }, []);

  const start = useCallback<SpeechRecognitionControls["start"]>(
    ({ onTranscript, onError }) => {
      const Recognition = findSpeechRecognition();
      if (!Recognition || recognitionRef.current) return;
      const recognition = new Recognition();
      recognition.continuous = true;
      recognition.interimResults = true;
      recognition.lang = document.documentElement.lang || navigator.language || "en-US";
      recognition.onresult = (event) => {
        let text = "";
        for (let index = 0; index < event.results.length; index++) text += event.results[index]?.[0]?.transcript ?? "";
        onTranscript(text.replace(/\s+/g, " ").trim());
      };
      recognition.onerror = (event) => {
        if (event.error !== "aborted") onError(ERROR_MESSAGES[event.error] ?? `Speech recognition stopped (${event.error}).`);
      };
      recognition.onend = () => {
        if (recognitionRef.current === recognition) settle();
      };
      try {
        recognition.start();
      } catch (error) {
        onError(`Speech recognition could not start: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      recognitionRef.current = recognition;
      startedAtRef.current = performance.now();
      setListening(true);
    },
    [settle],
  );

  const stop = useCallback(() => {
    const recognition = recognitionRef.current;
    if (!recognition) return;
    // Count the time now: the final result and `end` may come a moment later, or never.
    if (startedAtRef.current !== null) elapsedRef.current += performance.now() - startedAtRef.current;
    startedAtRef.current = null;
    // Let go of it now so the button can start again at once; its last results still arrive.
    recognitionRef.current = null;
    recognition.stop();
    setListening(false);
  }, []);

  const takeDuration = useCallback(() => {
    const running = startedAtRef.current !== null ? performance.now() - startedAtRef.current : 0;
    const total = elapsedRef.current + running;
    elapsedRef.current = 0;
    if (startedAtRef.current !== null) startedAtRef.current = performance.now();
    return Math.round(total);
  }, []);

  useEffect(() => () => recognitionRef.current?.abort(), []);

  return { supported, listening, start, stop, takeDuration };
}
