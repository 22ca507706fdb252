"use client";

import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { toSpeech } from "./speech-text";

const noSubscription = () => () => {};

function hasSynthesis(): boolean {
  return typeof window !== "undefined" && "speechSynthesis" in window && typeof window.SpeechSynthesisUtterance === "function";
}

export interface SpeechSynthesisControls {
  /** null until the page knows (the server cannot), then whether the browser can read aloud. */
  supported: boolean | null;
  speaking: boolean;
  /** Reads Markdown text aloud as plain words, replacing whatever was being read. */
  speak: (markdown: string) => void;
  stop: () => void;
}

/** Reading aloud with speechSynthesis; every call is a no-op where the browser has none. */
export function useSpeechSynthesis(): SpeechSynthesisControls {
  const supported = useSyncExternalStore(noSubscription, hasSynthesis, () => null);
  const [speaking, setSpeaking] = useState(false);

  const stop = useCallback(() => {
    if (!hasSynthesis()) return;
    window.speechSynthesis.cancel();
    setSpeaking(false);
  }, []);

  const speak = useCallback((markdown: string) => {
    if (!hasSynthesis()) return;
    const synthesis = window.speechSynthesis;
    synthesis.cancel();
    // Chrome stops long utterances after about fifteen seconds: queue one per sentence.
    const sentences = toSpeech(markdown).match(/[^.!?]+[.!?]*\s*/g) ?? [];
    const lang = document.documentElement.lang || navigator.language || "en-US";
    sentences.forEach((sentence, index) => {
      const utterance = new SpeechSynthesisUtterance(sentence.trim());
      utterance.lang = lang;
      if (index === 0) utterance.onstart = () => setSpeaking(true);
      if (index === sentences.length - 1) {
        utterance.onend = () => setSpeaking(false);
        utterance.onerror = () => setSpeaking(false);
      }
      synthesis.speak(utterance);
    });
  }, []);

  useEffect(() => () => {
    if (hasSynthesis()) window.speechSynthesis.cancel();
  }, []);

  return { supported, speaking, speak, stop };
}
