/**
 * One send queue per chat: a chat's replies go out in order, and a long reply or a 429 pause in one
 * group never delays another group's answer, nor the reading of new messages (issue 14).
 */
export interface ChatQueues {
  /** Runs `task` after the chat's earlier tasks; resolves when it is queued, not when it ran. */
  enqueue(chatId: string, task: () => Promise<void>): void;
  /** Resolves when every queue is empty (tasks queued meanwhile included). */
  idle(): Promise<void>;
}

export function createChatQueues(onError: (err: unknown, chatId: string) => void): ChatQueues {
  const tails = new Map<string, Promise<void>>();
  return {
    enqueue(chatId, task) {
      const previous = tails.get(chatId) ?? Promise.resolve();
      const next = previous.then(task).catch((err: unknown) => onError(err, chatId));
      tails.set(chatId, next);
      // Forget a chat once its queue is drained, so the map holds only busy chats.
      void next.then(() => {
        if (tails.get(chatId) === next) tails.delete(chatId);
      });
    },
    async idle() {
      while (tails.size > 0) await Promise.all([...tails.values()]);
    },
  };
}
