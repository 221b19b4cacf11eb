'use client';
import { useEffect } from 'react';

const IDLE_MS = 15 * 60 * 1000;

/**
 * The server ends the session 15 minutes after its last request (this page's load, at the latest); this takes the
 * page off the screen at that moment, so a shared device left open does not keep showing the connection.
 */
export function IdleEnd() {
  useEffect(() => {
    const timer = window.setTimeout(() => window.location.replace('/connection'), IDLE_MS);
    return () => window.clearTimeout(timer);
  }, []);
  return null;
}
