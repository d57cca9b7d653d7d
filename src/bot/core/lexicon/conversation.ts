/** Cue words of a conversation: follow-ups that lean on the last question, paging, picking a choice. */

/** 那龙潭镇呢 / 去年呢 / 还有处罚 / 换成2020年 / 如果是龙潭镇: the rest comes from the last question. */
export const FOLLOW_UP_CUE = /呢|^(?:那|那么|那个|还有|再看看?|再查一?下?|换成|换|改成|如果是|要是|再问)/;

/** What a follow-up says around the slots it names, taken away to see whether anything else is asked. */
export const FOLLOW_UP_FILLER = /^(?:那么|那个|那|还有|再看看?|再查一?下?|换成|换|改成|如果是|要是|再问)|的?呢|怎么样|如何|又是?|的|吧|啊|呀|[\s#?!.,;:、~]/g;

/** 更多 / 下一页 / 还有吗: the next page of the last answer. */
export const MORE_CUE = /^(?:更多|更多的|看更多|下一页|下页|继续|接着|后面的?|还有吗|还有呢|再来|more|next)$/;

/** 1 / 第一个 / 选2 / 是第二个: one of the choices of the last clarifying question. */
export const CHOICE_CUE = /^(?:选|是|要)?(?:第)?([1-9一二两三四五六七八九])(?:个|号|项)?$/;

export const CHOICE_NUMBER: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
