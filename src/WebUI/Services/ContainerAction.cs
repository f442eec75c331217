namespace WebUI.Services;

/// <summary>The actions the containers table applies to a selection.</summary>
public enum ContainerAction
{
    Start,
    Stop,
    Restart,
    Remove,
}
